using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>
/// An io1 volume whose provisioned IOPS gp3 can deliver (at most 16,000 and 500 per GB) costs less as gp3,
/// which bills only IOPS above 3,000 and at a lower rate. Compute Optimizer recommends the same move.
/// </summary>
public sealed class EbsIo1ToGp3Rule : CostRule
{
    public const decimal Gp3MaxIops = 16000;
    public const decimal Gp3MaxIopsPerGb = 500;

    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.EbsIo1ToGp3, "io1 volume can move to gp3",
        "An io1 volume with at most 16,000 provisioned IOPS (and at most 500 IOPS per GB) gets the same IOPS from gp3 for less.",
        Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => EbsVolumes.ResourceTypes;

    protected override void Check(ResourceView r, RuleContext context)
    {
        foreach (var volume in EbsVolumes.Of(r))
        {
            if (volume.EffectiveType != "io1" || volume.Iops.Number is not { } iops || volume.Size.Number is not { } gb) continue;
            if (iops > Gp3MaxIops || iops > Gp3MaxIopsPerGb * gb) continue;
            decimal? saving = null;
            if (Prices(context, r) is { } prices)
                saving = Saving(Monthly(prices, "ebs/io1", gb) + Monthly(prices, "ebs/io1_iops", iops), EbsVolumes.Gp3Monthly(prices, gb, iops, 125));
            context.Report(Descriptor, r.Resource, At(r, volume.Type),
                $"io1 volume with {iops:N0} IOPS: gp3 provides them for less; saving {Money(saving)}",
                Replace(volume.TypeName, "io1", "gp3", "Change io1 to gp3"), saving: saving);
        }
    }
}
