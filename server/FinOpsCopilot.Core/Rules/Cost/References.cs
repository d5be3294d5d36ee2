using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>Finds which resources of a document refer to another (by <c>!Ref</c>, <c>!GetAtt</c> or a Terraform reference).</summary>
public static class References
{
    public static IEnumerable<IacResource> To(IacDocument document, IacResource target)
    {
        foreach (var r in document.Resources)
            if (!ReferenceEquals(r, target) && Mentions(r.Properties, target)) yield return r;
    }

    private static bool Mentions(IacValue value, IacResource target) => value switch
    {
        UnknownValue u => Names(u.Reason, target),
        ListValue l => l.Items.Any(i => Mentions(i, target)),
        MapValue m => m.Entries.Any(e => Mentions(e.Value, target)),
        _ => false,
    };

    private static bool Names(string reason, IacResource target) =>
        target.Type.StartsWith("aws_", StringComparison.Ordinal)
            ? Pricing.ResourceView.TerraformName(reason) == $"{target.Type}.{target.Name}"
            : reason.EndsWith($"Ref to resource {target.LogicalId ?? target.Name}", StringComparison.Ordinal)
              || reason.Contains($"Fn::GetAtt {target.LogicalId ?? target.Name}.", StringComparison.Ordinal);
}
