using FinOpsCopilot.Core.Cdk;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Pricing;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Terraform;

namespace FinOpsCopilot.Core.Analysis;

/// <summary>A path that could not be analysed, and why (one line, for stderr).</summary>
public sealed record PathError(string Path, string Message);

public sealed record AnalysisResult(
    IReadOnlyList<IacDocument> Documents,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<PathError> Errors,
    IReadOnlyList<PolicyException> PolicyErrors,
    IReadOnlyList<string> SkippedFiles)
{
    /// <summary>The monthly cost of each analysed document, in document order.</summary>
    public IReadOnlyList<DocumentCost> Costs { get; init; } = [];
}

/// <summary>
/// Analyses the files and folders a user names: finds candidate files, reads each one that is infrastructure
/// code, applies the policy that governs it, and gathers findings. One bad file never stops the rest.
/// </summary>
public static class WorkspaceAnalysis
{
    /// <param name="varFiles">Terraform variable files (<c>--var-file</c>) applied to every Terraform root module.</param>
    /// <param name="region">The <c>--region</c> of the command line: prices documents whose code and policy name no region.</param>
    public static AnalysisResult Run(IEnumerable<string> paths, string? policyPath = null, IReadOnlyList<string>? varFiles = null, string? region = null)
    {
        var resolver = new PolicyResolver(policyPath);
        var errors = new List<PathError>();
        var policyErrors = new List<PolicyException>();
        var skipped = new List<string>();
        var files = new List<(string Path, bool Named)>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add((path, true));
            else if (Directory.Exists(path)) files.AddRange(FileDiscovery.Walk(path).Select(f => (f, false)));
            else errors.Add(new PathError(path, "no such file or directory"));
        }

        // Terraform files are read per directory (a module), not one by one.
        var terraform = files.Where(f => TerraformModuleReader.IsTerraformFile(f.Path)).ToList();
        files.RemoveAll(f => TerraformModuleReader.IsTerraformFile(f.Path));

        var documents = new IacDocument?[files.Count];
        var findings = new List<Finding>[files.Count];
        List<Finding> Analyze(IacDocument document)
        {
            FinOpsPolicy policy;
            try { policy = resolver.For(document.Path); }
            catch (PolicyException e)
            {
                lock (policyErrors) if (!policyErrors.Any(p => p.Message == e.Message)) policyErrors.Add(e);
                policy = FinOpsPolicy.Empty;
            }
            return DocumentAnalyzer.Analyze(document, policy, region);
        }
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (path, _) = files[i];
            try
            {
                documents[i] = SourceFileReader.ReadFile(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                lock (errors) errors.Add(new PathError(path, e.Message));
                return;
            }
            if (documents[i] is { } document) findings[i] = Analyze(document);
        });

        var terraformDocuments = terraform.Count == 0 ? [] : TerraformModuleReader.Read(terraform.Select(f => f.Path).ToList(), varFiles);
        var terraformFindings = new List<Finding>[terraformDocuments.Count];
        Parallel.For(0, terraformDocuments.Count, i => terraformFindings[i] = Analyze(terraformDocuments[i]));
        foreach (var (path, named) in terraform)
            if (named && !terraformDocuments.Any(d => d.Path == path)) errors.Add(new PathError(path, "the file cannot be read"));

        for (int i = 0; i < files.Count; i++)
            if (documents[i] is null && files[i].Named && !errors.Any(e => e.Path == files[i].Path) && !CdkWorkspace.IsCdkInput(files[i].Path)) skipped.Add(files[i].Path);
        var allFindings = findings.Concat(terraformFindings).Where(f => f is not null).SelectMany(f => f).ToList();
        var allDocuments = documents.OfType<IacDocument>().Concat(terraformDocuments).ToList();
        // CDK apps (a cdk.json, or a named .cs file of an app): C# source and cdk.out, read only when there is one.
        if (CdkWorkspace.AppsAmong(files.Select(f => f.Path)) is { Count: > 0 } cdkApps)
        {
            var (cdkDocuments, cdkFindings) = CdkWorkspace.Analyze(cdkApps, resolver, errors, policyErrors);
            allDocuments.AddRange(cdkDocuments);
            allFindings.AddRange(cdkFindings);
        }
        allFindings.Sort(FindingOrder.Compare);
        return new AnalysisResult(allDocuments, allFindings, errors, policyErrors, skipped)
        {
            Costs = CostEstimator.Default.EstimateDocuments(allDocuments, resolver.ForOrEmpty, region),
        };
    }
}
