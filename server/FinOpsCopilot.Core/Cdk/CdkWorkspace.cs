using FinOpsCopilot.Core.Analysis;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// The CDK part of a workspace analysis: finds the apps among the discovered files (folders with a <c>cdk.json</c>)
/// and analyses each. Holds no Roslyn type, so calling it for a workspace without CDK apps loads nothing more.
/// </summary>
public static class CdkWorkspace
{
    /// <summary>The app folders: those of the <c>cdk.json</c> files found (file discovery already lists them as JSON).</summary>
    public static List<string> AppsAmong(IEnumerable<string> files) =>
        files.Where(CdkAppReader.IsAppManifest).Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Distinct().Order(StringComparer.Ordinal).ToList();

    public static (List<IacDocument> Documents, List<Finding> Findings) Analyze(
        IReadOnlyList<string> apps, PolicyResolver policies, List<PathError> errors, List<PolicyException> policyErrors, CdkReadOptions? options = null)
    {
        var documents = new List<IacDocument>();
        var findings = new List<Finding>();
        foreach (var app in apps)
        {
            CdkAppResult result;
            try { result = CdkAppReader.Read(app, options); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A reader bug must cost one app, never the whole run.
                errors.Add(new PathError(app, $"internal error while reading this CDK app ({e.GetType().Name}: {e.Message}); please report it"));
                continue;
            }
            errors.AddRange(result.Errors);
            foreach (var document in result.Documents)
            {
                FinOpsPolicy policy;
                try { policy = policies.For(document.Path); }
                catch (PolicyException e)
                {
                    if (!policyErrors.Any(p => p.Message == e.Message)) policyErrors.Add(e);
                    policy = FinOpsPolicy.Empty;
                }
                documents.Add(document);
                findings.AddRange(DocumentAnalyzer.Analyze(document, policy));
            }
        }
        return (documents, findings);
    }
}
