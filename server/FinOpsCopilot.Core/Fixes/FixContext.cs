using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Policy;
using FinOpsCopilot.Core.Rules;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// What a fix needs: the finding, the document it is reported in, the document declaring its resource (they differ
/// when a Terraform default tag is reported at the provider), the policy, and a way to read other documents of the
/// project (a provider block in another file).
/// </summary>
public sealed record FixContext(
    Finding Finding,
    IacDocument FindingDocument,
    IacDocument? ResourceDocument,
    FinOpsPolicy Policy,
    Func<string, IacDocument?>? DocumentAt = null)
{
    public IacResource? Resource => ResourceDocument?.Resources.FirstOrDefault(r => r.Address == Finding.ResourceAddress);

    /// <summary>For a finding in a single document, where the resource is declared too.</summary>
    public static FixContext InDocument(IacDocument document, Finding finding, FinOpsPolicy policy) => new(finding, document, document, policy);
}
