using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.LanguageServer.Protocol;

namespace FinOpsCopilot.LanguageServer.Features;

/// <summary>Findings as LSP diagnostics: code, link to the rule's page, source "finops", related places.</summary>
public static class DiagnosticMapper
{
    public const string Source = "finops";

    public static Diagnostic ToDiagnostic(Finding f) => new(
        ToRange(f.Range),
        f.Severity switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Information,
        },
        f.RuleId,
        new CodeDescription((RuleCatalog.Find(f.RuleId)?.HelpUri ?? Core.ProductInfo.RuleDocs(f.RuleId)).AbsoluteUri),
        Source,
        f.Message,
        f.Related.Count == 0 ? null : f.Related.Select(r => new DiagnosticRelatedInformation(new Location(DocumentUris.FromPath(r.FilePath), ToRange(r.Range)), r.Message)).ToArray(),
        // The resource lets clients (the dashboard, tests) tell apart findings with the same message.
        f.ResourceAddress is null ? null : System.Text.Json.JsonSerializer.SerializeToElement(new { resource = f.ResourceAddress, monthlySaving = f.MonthlySaving }, JsonOptions.Default));

    public static Protocol.Range ToRange(Core.Text.SourceRange r) =>
        new(new Position(r.Start.Line, r.Start.Character), new Position(r.End.Line, r.End.Character));

    public static Core.Text.SourceRange FromRange(Protocol.Range r) =>
        new(new Core.Text.SourcePosition(r.Start.Line, r.Start.Character), new Core.Text.SourcePosition(r.End.Line, r.End.Character));
}
