using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>What a YAML or JSON reader returns: the first document's root (possibly partial) and its diagnostics.</summary>
public sealed record TemplateSyntax(TemplateNode? Root, IReadOnlyList<SourceDiagnostic> Diagnostics, bool HasMoreDocuments = false);
