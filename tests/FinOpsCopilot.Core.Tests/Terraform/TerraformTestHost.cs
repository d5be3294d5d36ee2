using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Terraform;
using FinOpsCopilot.Core.Terraform.Evaluation;
using FinOpsCopilot.Core.Terraform.Syntax;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Tests.Terraform;

/// <summary>Helpers to parse and evaluate Terraform written inline in a test.</summary>
internal static class TerraformTestHost
{
    public static HclFile Parse(string source, string path = "/test/main.tf") => ModuleLoader.ParseText(new SourceText(path, source));

    /// <summary>Evaluates <c>local.value</c> of a module made of <paramref name="source"/> (which defines it).</summary>
    public static IacValue Local(string source, string name = "value", Dictionary<string, IacValue>? variables = null)
    {
        var file = Parse(source);
        Assert.Empty(file.Diagnostics);
        var module = TerraformModule.From("/test", [file]);
        var inputs = new Dictionary<string, Located>(StringComparer.Ordinal);
        foreach (var (k, v) in variables ?? []) inputs[k] = new Located(v, null);
        var instance = new ModuleInstance(module, "", "/test", inputs);
        return instance.Resolve("local", name, default, file.Path);
    }

    /// <summary>Evaluates one expression (with no references but to locals defined in <paramref name="extra"/>).</summary>
    public static IacValue Eval(string expression, string extra = "") => Local($"locals {{\n  value = {expression}\n}}\n{extra}");

    /// <summary>The value in a compact, comparable notation: strings quoted, lists [..], maps {k=v}, unknown as (unknown).</summary>
    public static string Show(IacValue v) => v switch
    {
        StringValue s => "\"" + s.Value + "\"",
        NumberValue n => n.Text,
        BoolValue b => b.Value ? "true" : "false",
        NullValue => "null",
        ListValue l => "[" + string.Join(", ", l.Items.Select(Show)) + "]",
        MapValue m => "{" + string.Join(", ", m.Entries.Select(e => $"{e.Key}={Show(e.Value)}")) + "}",
        UnknownValue u => u.Reason.StartsWith(Values.ErrorPrefix, StringComparison.Ordinal) ? "(error)" : "(unknown)",
        _ => "?",
    };

    /// <summary>A directory with the given files (relative path → content), deleted on dispose.</summary>
    public sealed class TempModule : IDisposable
    {
        public TempModule(params (string Path, string Content)[] files)
        {
            Root = Path.Combine(Path.GetTempPath(), "finops-tf-" + Guid.NewGuid().ToString("N"));
            foreach (var (path, content) in files)
            {
                var full = Path.Combine(Root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content);
            }
        }

        public string Root { get; }

        public string PathOf(string relative) => Path.Combine(Root, relative);

        public List<IacDocument> Read(IReadOnlyList<string>? varFiles = null) =>
            TerraformModuleReader.Read(Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
                .Where(TerraformModuleReader.IsTerraformFile).OrderBy(p => p, StringComparer.Ordinal).ToList(), varFiles);

        public List<IacResource> Resources(IReadOnlyList<string>? varFiles = null) => Read(varFiles).SelectMany(d => d.Resources).ToList();

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        }
    }
}
