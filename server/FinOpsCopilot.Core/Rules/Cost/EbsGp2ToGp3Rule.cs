using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>A gp2 volume costs more than a gp3 volume with the same IOPS and throughput (AWS: up to 20 % less per GB).</summary>
public sealed class EbsGp2ToGp3Rule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.EbsGp2ToGp3, "EBS volume can move from gp2 to gp3",
        "A gp2 volume can be changed in place to gp3, which costs less per GB and includes 3,000 IOPS and 125 MiB/s; the saving keeps the volume's gp2 performance.",
        Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => EbsVolumes.ResourceTypes;

    protected override void Check(ResourceView r, RuleContext context)
    {
        foreach (var volume in EbsVolumes.Of(r))
        {
            if (volume.EffectiveType != "gp2") continue;
            decimal? saving = null;
            if (volume.Size.Number is { } gb && Prices(context, r) is { } prices)
            {
                var (iops, throughput) = EbsVolumes.Gp2Performance(gb);
                saving = Saving(Monthly(prices, "ebs/gp2", gb), EbsVolumes.Gp3Monthly(prices, gb, iops, throughput));
            }
            var fix = volume.Type.IsAbsent
                ? AddProperty(volume.TypeName, "gp3", $"Set {volume.TypeName} to gp3")
                : Replace(volume.TypeName, "gp2", "gp3", "Change gp2 to gp3");
            context.Report(Descriptor, r.Resource, At(r, volume.Type),
                $"{(volume.Type.IsAbsent ? "Volume defaults to gp2" : "Volume is gp2")}: gp3 gives the same performance for less; saving {Money(saving)}",
                fix, saving: saving);
        }
    }
}
