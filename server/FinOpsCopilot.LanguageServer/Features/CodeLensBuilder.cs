using System.Text.Json;
using FinOpsCopilot.LanguageServer.Protocol;

namespace FinOpsCopilot.LanguageServer.Features;

/// <summary>
/// A lens above each priced resource with its monthly estimate, and one at the top of the file with the total.
/// Clicking runs <see cref="ShowBreakdownCommand"/> (handled by the client) with the document URI and the address.
/// </summary>
public static class CodeLensBuilder
{
    public const string ShowBreakdownCommand = "finopsCopilot.showCostBreakdown";

    public static CodeLens[] Build(FileAnalysis analysis)
    {
        if (analysis.Document is not { } document || analysis.Cost is not { } cost) return [];
        var lenses = new List<CodeLens>();
        if (cost.RegionError is { } error)
            return [new CodeLens(Top, new Command($"FinOps: not priced ({error})", ShowBreakdownCommand, Args(analysis.Uri, null)))];
        if (cost.Resources.Count > 0)
        {
            var total = CostText.Money(cost.Amount) + "/mo" + (cost.IsPartial ? " + usage-based or unknown parts" : "");
            lenses.Add(new CodeLens(Top, new Command($"FinOps: {total} for {cost.Resources.Count} priced resources ({cost.Region})", ShowBreakdownCommand, Args(analysis.Uri, null))));
        }
        foreach (var resource in document.Resources)
        {
            if (analysis.CostOf(resource.Address) is not { } estimate || resource.FilePath != document.Path) continue;
            var line = resource.Range.Start.Line;
            var at = new Protocol.Range(new Position(line, 0), new Position(line, 0));
            lenses.Add(new CodeLens(at, new Command(CostText.Of(estimate), ShowBreakdownCommand, Args(analysis.Uri, resource.Address))));
        }
        return lenses.ToArray();
    }

    private static readonly Protocol.Range Top = new(new Position(0, 0), new Position(0, 0));

    private static JsonElement[] Args(string uri, string? address) =>
        [JsonSerializer.SerializeToElement(uri), JsonSerializer.SerializeToElement(address)];
}
