using System.Collections.Concurrent;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.LanguageServer;

/// <summary>One open editor buffer at one version.</summary>
public sealed record OpenDocument(string Uri, string Path, int Version, string Text);

/// <summary>
/// The open documents. Changes are applied in the order they arrive, under a per-document lock, so concurrent requests
/// always see a whole version, never a half-applied one.
/// </summary>
public sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _locks = new(StringComparer.Ordinal);

    public int Count => _documents.Count;

    public OpenDocument Open(string uri, int version, string text)
    {
        var doc = new OpenDocument(uri, DocumentUris.ToPath(uri), version, text);
        _documents[uri] = doc;
        return doc;
    }

    public OpenDocument? Change(string uri, int version, IEnumerable<Protocol.TextDocumentContentChangeEvent> changes)
    {
        lock (_locks.GetOrAdd(uri, _ => new object()))
        {
            if (!_documents.TryGetValue(uri, out var doc)) return null;
            var text = doc.Text;
            foreach (var change in changes)
            {
                if (change.Range is null) { text = change.Text; continue; }
                var source = new SourceText(doc.Path, text);
                int start = source.OffsetAt(new SourcePosition(change.Range.Start.Line, change.Range.Start.Character));
                int end = source.OffsetAt(new SourcePosition(change.Range.End.Line, change.Range.End.Character));
                if (end < start) (start, end) = (end, start);
                text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
            }
            var updated = doc with { Version = version, Text = text };
            _documents[uri] = updated;
            return updated;
        }
    }

    public void Close(string uri)
    {
        _documents.TryRemove(uri, out _);
        _locks.TryRemove(uri, out _);
    }

    public OpenDocument? Get(string uri) => _documents.GetValueOrDefault(uri);

    public IReadOnlyCollection<OpenDocument> All => _documents.Values.ToList();

    public OpenDocument? FindByPath(string path) => _documents.Values.FirstOrDefault(d => d.Path == path);
}

/// <summary>file:// URIs to local paths and back, the way VS Code writes them.</summary>
public static class DocumentUris
{
    public static string ToPath(string uri)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile) return parsed.LocalPath;
        return uri; // untitled: and other schemes keep their URI as a name
    }

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
