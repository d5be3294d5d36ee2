using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>
/// An Elastic IP that nothing in the file attaches (no instance, network interface, association or NAT gateway):
/// Trusted Advisor's "Unassociated Elastic IP Addresses". It is billed the public IPv4 rate all the same.
/// </summary>
public sealed class EipUnattachedRule : CostRule
{
    public override RuleDescriptor Descriptor { get; } = new(RuleCodes.EipUnattached, "Elastic IP not attached",
        "Nothing in the file attaches this Elastic IP; an idle public IPv4 address is still billed every hour.", Severity.Warning, "cost");

    protected override IReadOnlyList<string> ResourceTypes => ["AWS::EC2::EIP", "aws_eip"];

    protected override void Check(ResourceView r, RuleContext context)
    {
        string[] attachments = IsTerraform(r) ? ["instance", "network_interface", "associate_with_private_ip"] : ["InstanceId"];
        if (attachments.Any(a => !r.Get(a).IsAbsent)) return;
        if (References.To(context.Document, r.Resource).Any()) return;
        var saving = Monthly(Prices(context, r), "public_ipv4/idle_hourly", Billing.HoursPerMonth) is { } m ? Billing.Round(m) : (decimal?)null;
        context.Report(Descriptor, r.Resource, r.Resource.NameRange,
            $"Elastic IP is not attached to anything in this file; releasing it saves {Money(saving)}",
            new FixSuggestion("remove-resource", "Release the Elastic IP", new Dictionary<string, string> { ["resource"] = r.Resource.Address }), saving: saving);
    }
}
