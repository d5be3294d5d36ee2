using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>
/// A non-production document with a NAT gateway per Availability Zone: one shared NAT gateway is enough outside
/// production. Every NAT gateway after the first in the file is reported with its hourly cost as the saving.
/// </summary>
public sealed class NatGatewayPerAzNonProductionRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.NatGatewayPerAzNonProduction, "NAT gateway per AZ outside production",
        "Outside production, one NAT gateway can serve every Availability Zone; each extra one costs its hours.",
        Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => ["AWS::EC2::NatGateway", "aws_nat_gateway"];

    protected override void Check(ResourceView r, RuleContext context)
    {
        if (Environments.NonProduction(r.Resource, context.Policy.Cost) is not { } environment) return;
        var gateways = context.Document.Resources.Where(x => x.Type == r.Resource.Type && (x.Properties["ConnectivityType"] ?? x.Properties["connectivity_type"])?.AsString() != "private").ToList();
        int index = gateways.IndexOf(r.Resource);
        if (index < 1) return;
        var saving = Monthly(Prices(context, r), "nat_gateway/hourly", Billing.HoursPerMonth) is { } m ? Billing.Round(m) : (decimal?)null;
        context.Report(Descriptor, r.Resource, r.Resource.NameRange,
            $"NAT gateway {index + 1} of {gateways.Count} in the '{environment}' environment: route every AZ through one; saving {Money(saving)}",
            new FixSuggestion("remove-resource", "Share one NAT gateway", new Dictionary<string, string> { ["resource"] = r.Resource.Address }), saving: saving);
    }
}
