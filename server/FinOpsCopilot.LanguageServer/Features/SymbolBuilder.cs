using FinOpsCopilot.LanguageServer.Protocol;

namespace FinOpsCopilot.LanguageServer.Features;

/// <summary>The outline: one symbol per resource, its type as detail.</summary>
public static class SymbolBuilder
{
    public static DocumentSymbol[] Build(FileAnalysis analysis) =>
        analysis.Document?.Resources.Select(r => new DocumentSymbol(
            r.Address, analysis.CostOf(r.Address) is { } cost ? $"{r.Type} · {CostText.Of(cost)}" : r.Type, SymbolKind.Object, DiagnosticMapper.ToRange(r.Range), DiagnosticMapper.ToRange(r.NameRange))).ToArray() ?? [];
}
