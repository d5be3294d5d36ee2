using System.Collections.Concurrent;
using System.Text;
using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>Parses each Terraform file and module directory once, however many module calls read it. Thread-safe.</summary>
internal sealed class ModuleLoader
{
    private readonly ConcurrentDictionary<string, HclFile?> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TerraformModule?> _modules = new(StringComparer.Ordinal);

    public static bool IsTerraformFile(string path) =>
        path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tf.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Override files merge into other files' blocks, which the analysis does not model; they are not read as module files.</summary>
    private static bool IsOverrideFile(string name) =>
        name is "override.tf" or "override.tf.json" || name.EndsWith("_override.tf", StringComparison.Ordinal) || name.EndsWith("_override.tf.json", StringComparison.Ordinal);

    /// <summary>The module in <paramref name="directory"/>, or null when it does not exist or holds no Terraform file.</summary>
    public TerraformModule? Module(string directory) => _modules.GetOrAdd(directory, Load);

    private TerraformModule? Load(string directory)
    {
        IEnumerable<string> entries;
        try { entries = Directory.EnumerateFiles(directory).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        var paths = entries.Where(p => IsTerraformFile(p) && !IsOverrideFile(Path.GetFileName(p))).ToList();
        paths.Sort(StringComparer.Ordinal);
        var files = new List<HclFile>(paths.Count);
        foreach (var p in paths)
            if (File(p) is { } f) files.Add(f);
        return files.Count == 0 ? null : TerraformModule.From(directory, files);
    }

    public HclFile? File(string path) => _files.GetOrAdd(path, static p =>
    {
        try
        {
            long length = new FileInfo(p).Length;
            if (length > SourceFileReader.MaxBytes) return TooLarge(p, length);
            return ParseText(new SourceText(p, Read(p)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    });

    private static HclFile TooLarge(string path, long length)
    {
        var text = new SourceText(path, "");
        var diagnostic = new SourceDiagnostic(RuleCodes.ParseError,
            $"The file is {length / 1024.0 / 1024.0:0.0} MB; files over {SourceFileReader.MaxBytes / 1024 / 1024} MB are not analysed",
            SourceRange.Empty(new SourcePosition(0, 0)));
        return new HclFile(text, new HclBody([], [], new SourceSpan(0, 0)), [diagnostic], path.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Offers text already in memory (an editor buffer) in place of the file on disk.</summary>
    public void Provide(string path, string content) => _files[path] = ParseText(new SourceText(path, content));

    public static HclFile ParseText(SourceText text) =>
        text.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? HclJsonParser.Parse(text) : HclParser.Parse(text);

    private static string Read(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }
}
