using FinOpsCopilot.Core.Pricing;

namespace FinOpsCopilot.Core.Tests.Pricing;

public class CostDiffTests
{
    private static CostEstimate Estimate(string address, decimal monthly, bool partial = false) => new(address, "AWS::EC2::Instance", "us-east-1",
    [
        new CostComponent("Instance", 730, "hours", monthly / 730, monthly, false),
        .. partial ? new[] { new CostComponent("Data", null, "GB", 0.09m, null, true, "depends on usage (x)") } : [],
    ]);

    [Fact]
    public void Matches_by_file_and_address()
    {
        var diff = CostDiff.Compare(
            [("a.yaml", Estimate("Web", 70m)), ("a.yaml", Estimate("Old", 10m)), ("b.yaml", Estimate("Same", 5m))],
            [("a.yaml", Estimate("Web", 140m)), ("a.yaml", Estimate("New", 20m, partial: true)), ("b.yaml", Estimate("Same", 5m))]);
        Assert.Equal(85m, diff.BeforeTotal);
        Assert.Equal(165m, diff.AfterTotal);
        Assert.Equal(80m, diff.Delta);
        Assert.True(diff.IsPartial);
        Assert.Equal([("New", CostChangeKind.Added, 20m), ("Old", CostChangeKind.Removed, -10m), ("Web", CostChangeKind.Changed, 70m)],
            diff.Changes.Select(c => (c.Address, c.Kind, c.Delta)));
    }
}
