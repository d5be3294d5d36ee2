namespace FinOpsCopilot.Core.Analysis;

/// <summary>Finds the files under the paths a user names that may hold infrastructure code, in a stable order.</summary>
public static class FileDiscovery
{
    /// <summary>Folders that hold generated, vendored or tool state, never code to analyse.</summary>
    public static readonly IReadOnlySet<string> SkippedDirectories =
        new HashSet<string>(StringComparer.Ordinal) { ".git", "node_modules", "cdk.out", ".terraform", "bin", "obj", ".hg", ".svn" };

    private static readonly string[] CandidateExtensions = [".yaml", ".yml", ".json", ".template", ".tf"];

    public static bool IsCandidate(string path)
    {
        foreach (var ext in CandidateExtensions)
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The candidate files below a directory, sorted ordinally, skipping <see cref="SkippedDirectories"/>.</summary>
    public static List<string> Walk(string directory)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> entries;
            try { entries = Directory.EnumerateFileSystemEntries(dir).ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    if (!SkippedDirectories.Contains(name) && !IsLink(entry)) pending.Push(entry);
                }
                else if (IsCandidate(name) && !PolicyFile(name))
                {
                    files.Add(entry);
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static bool PolicyFile(string name) => name is ".finops.yml" or ".finops.yaml";

    private static bool IsLink(string path)
    {
        try { return new DirectoryInfo(path).LinkTarget is not null; }
        catch (IOException) { return true; }
    }
}
