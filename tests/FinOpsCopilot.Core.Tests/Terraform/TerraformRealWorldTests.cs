using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Terraform;
using FinOpsCopilot.Core.Terraform.Evaluation;
using Xunit.Abstractions;

namespace FinOpsCopilot.Core.Tests.Terraform;

/// <summary>
/// Reads real public Terraform when <c>FINOPS_TF_REAL</c> names a directory of it (e.g. the terraform-aws-modules
/// repositories, fetched outside the repo): no parse error, no internal error, and no evaluation error the
/// evaluator should have understood. Does nothing when the variable is not set.
/// </summary>
public class TerraformRealWorldTests(ITestOutputHelper output)
{
    [Fact]
    public void Public_modules_read_without_errors()
    {
        var root = Environment.GetEnvironmentVariable("FINOPS_TF_REAL");
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root)) return;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(TerraformModuleReader.IsTerraformFile).Where(p => !p.Contains("/.terraform/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal).ToList();
        var documents = TerraformModuleReader.Read(files);
        var resources = documents.SelectMany(d => d.Resources).ToList();
        var parseErrors = documents.SelectMany(d => d.Diagnostics.Where(x => x.Code == RuleCodes.ParseError).Select(x => $"{d.Path}:{x.Range.Start} {x.Message}")).ToList();
        var invalid = resources.SelectMany(r => Invalid(r.Properties).Select(reason => $"{r.FilePath} {r.Address}: {reason}")).ToList();
        output.WriteLine($"files {files.Count}, documents {documents.Count}, resources {resources.Count}, parse errors {parseErrors.Count}, evaluation errors {invalid.Count}");
        foreach (var line in parseErrors.Concat(invalid.Take(200))) output.WriteLine(line);
        Assert.Empty(parseErrors);
    }

    private static IEnumerable<string> Invalid(IacValue v) => v switch
    {
        UnknownValue u when Values.IsError(u) => [u.Reason],
        ListValue l => l.Items.SelectMany(Invalid),
        MapValue m => m.Entries.SelectMany(e => Invalid(e.Value)),
        _ => [],
    };
}
