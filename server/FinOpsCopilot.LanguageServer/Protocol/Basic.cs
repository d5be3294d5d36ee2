using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinOpsCopilot.LanguageServer.Protocol;

// The LSP types this server uses, named as the specification names them. Serialized camelCase, nulls omitted.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextEdit(Range Range, string NewText);

public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

public sealed record Command(string Title, [property: JsonPropertyName("command")] string CommandId, JsonElement[]? Arguments = null);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record MarkupContent(string Kind, string Value);

public static class MarkupKind
{
    public const string Markdown = "markdown";
}
