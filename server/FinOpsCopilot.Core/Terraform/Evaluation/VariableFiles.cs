using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// The values a root module's variables get from files, in Terraform's order (later wins):
/// <c>terraform.tfvars</c>, <c>terraform.tfvars.json</c>, <c>*.auto.tfvars</c> and <c>*.auto.tfvars.json</c>
/// in lexical order, then the <c>-var-file</c> files in the order given.
/// </summary>
internal static class VariableFiles
{
    public static List<string> Automatic(string directory)
    {
        var result = new List<string>();
        foreach (var name in new[] { "terraform.tfvars", "terraform.tfvars.json" })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path)) result.Add(path);
        }
        try
        {
            var auto = Directory.EnumerateFiles(directory)
                .Where(p => p.EndsWith(".auto.tfvars", StringComparison.Ordinal) || p.EndsWith(".auto.tfvars.json", StringComparison.Ordinal))
                .ToList();
            auto.Sort(StringComparer.Ordinal);
            result.AddRange(auto);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return result;
    }

    /// <summary>Reads the files into <paramref name="values"/>. Unreadable files are skipped: they are not documents.</summary>
    public static void Read(IEnumerable<string> paths, Dictionary<string, Located> values)
    {
        foreach (var path in paths)
        {
            string content;
            try { content = File.ReadAllText(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            var file = ModuleLoader.ParseText(new SourceText(path, content));
            var ev = new ExpressionEvaluator(NoReferences.Instance, file.Text);
            foreach (var a in file.Body.Attributes) values[a.Name] = new Located(ev.Evaluate(a.Value, EvalScope.Empty), path);
        }
    }

    /// <summary>Variable files are plain values: any reference in them is an error.</summary>
    private sealed class NoReferences : IReferenceResolver
    {
        public static readonly NoReferences Instance = new();

        public IacValue Resolve(string root, string name, SourceRange range, string usedIn) =>
            Values.Error("a variable file cannot refer to other values", range);
    }
}
