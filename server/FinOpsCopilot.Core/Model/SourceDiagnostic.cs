using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Model;

/// <summary>A problem a reader found in a document (syntax error, duplicate ID, construct not analysed), by rule code.</summary>
public sealed record SourceDiagnostic(string Code, string Message, SourceRange Range);
