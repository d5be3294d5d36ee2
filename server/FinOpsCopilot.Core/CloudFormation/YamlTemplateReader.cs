using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;
using FinOpsCopilot.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>
/// Reads the first YAML document of a file into a <see cref="TemplateNode"/> tree from YamlDotNet's event stream,
/// keeping custom tags (<c>!Ref</c>…), anchors, aliases and merge keys. Errors become diagnostics and the part read
/// before them is kept.
/// </summary>
public static class YamlTemplateReader
{
    private const string MergeKey = "<<";

    public static TemplateSyntax Read(SourceText text)
    {
        var builder = new Builder(text);
        return builder.Run();
    }

    private sealed class Frame(TemplateNode node, bool flow)
    {
        public TemplateNode Node { get; } = node;
        public bool Flow { get; } = flow;
        public TemplateScalar? PendingKey { get; set; }
        public bool KeyIsNotScalar { get; set; }
        public List<TemplateMapping>? Merges { get; set; }
        public HashSet<string>? Keys { get; set; }
    }

    private sealed class Builder(SourceText text)
    {
        private readonly List<SourceDiagnostic> _diagnostics = [];
        private readonly Dictionary<string, TemplateNode> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _stack = new();
        private TemplateNode? _root;
        // Only alias expansions count: a large file without aliases is large, not a bomb.
        private long _expanded;
        private bool _bombReported;
        private int _skipDepth;

        public TemplateSyntax Run()
        {
            var parser = new TrackingParser(new StringReader(text.Content));
            bool moreDocuments = false;
            int documents = 0;
            try
            {
                while (parser.MoveNext())
                {
                    var e = parser.Current!;
                    if (e is DocumentStart)
                    {
                        documents++;
                        if (documents > 1) { moreDocuments = true; break; }
                        continue;
                    }
                    if (e is DocumentEnd || e is StreamStart || e is StreamEnd || e is Comment) continue;
                    if (_skipDepth > 0) { Skip(e); continue; }
                    Handle(e);
                }
            }
            catch (Exception ex) when (TrackingParser.IsSyntaxError(ex))
            {
                var (from, to, reason) = parser.Describe(ex);
                int start = OffsetOf(from);
                int end = Math.Max(start, OffsetOf(to));
                _diagnostics.Add(new SourceDiagnostic(RuleCodes.ParseError, "YAML syntax error: " + reason, text.RangeOf(start, end)));
                while (_stack.Count > 0) Close(_stack.Pop(), text.Length);
            }
            return new TemplateSyntax(_root, _diagnostics, moreDocuments);
        }

        private void Handle(ParsingEvent e)
        {
            switch (e)
            {
                case Scalar s:
                    var scalar = new TemplateScalar(s.Value, StyleOf(s), Span(e), TagOf(s.Tag, s.Style));
                    Anchor(s.Anchor, scalar);
                    Add(scalar);
                    break;
                case AnchorAlias a:
                    Alias(a);
                    break;
                case MappingStart m:
                    if (Open(e)) Push(new TemplateMapping(Span(e), TagOf(m.Tag, YamlDotNet.Core.ScalarStyle.Any)), m.Anchor, m.Style == MappingStyle.Flow);
                    break;
                case SequenceStart q:
                    if (Open(e)) Push(new TemplateSequence(Span(e), TagOf(q.Tag, YamlDotNet.Core.ScalarStyle.Any)), q.Anchor, q.Style == SequenceStyle.Flow);
                    break;
                case MappingEnd or SequenceEnd:
                    var frame = _stack.Pop();
                    Close(frame, OffsetOf(e.End));
                    break;
            }
        }

        private bool Open(ParsingEvent e)
        {
            if (_stack.Count < ReaderLimits.MaxDepth) return true;
            _diagnostics.Add(new SourceDiagnostic(RuleCodes.ParseError,
                $"Nesting deeper than {ReaderLimits.MaxDepth} levels is not analysed", text.RangeOf(Span(e))));
            _skipDepth = 1;
            Add(new TemplateScalar("", ScalarStyle.Quoted, Span(e), ElidedTag));
            return false;
        }

        private void Skip(ParsingEvent e)
        {
            if (e is MappingStart or SequenceStart) _skipDepth++;
            else if (e is MappingEnd or SequenceEnd) _skipDepth--;
        }

        private void Push(TemplateNode node, AnchorName anchor, bool flow)
        {
            Anchor(anchor, node);
            _stack.Push(new Frame(node, flow));
        }

        private void Close(Frame frame, int endOffset)
        {
            var node = frame.Node;
            if (frame.PendingKey is { } dangling && node is TemplateMapping open)
                open.Entries.Add(new TemplateEntry(dangling, new TemplateScalar("", ScalarStyle.Plain, new SourceSpan(dangling.Span.End, dangling.Span.End), null)));
            if (node is TemplateMapping mapping && frame.Merges is { } merges)
                ApplyMerges(mapping, merges);

            long size = 1;
            int lastEnd = node.Span.Start;
            switch (node)
            {
                case TemplateMapping m:
                    foreach (var entry in m.Entries) { size += entry.Value.ExpandedSize + 1; lastEnd = Math.Max(lastEnd, entry.Value.Span.End); }
                    break;
                case TemplateSequence q:
                    foreach (var item in q.Items) { size += item.ExpandedSize; lastEnd = Math.Max(lastEnd, item.Span.End); }
                    break;
            }
            node.ExpandedSize = size;
            // A block collection ends where its last value ends, not at the next token (which may be lines below).
            node.Span = new SourceSpan(node.Span.Start, frame.Flow ? FlowEnd(node, Math.Max(endOffset, lastEnd)) : Math.Max(lastEnd, node.Span.Start));
            Add(node);
        }

        /// <summary>A flow collection ends after its closing bracket (YamlDotNet's end event may stop just before it).</summary>
        private int FlowEnd(TemplateNode node, int end)
        {
            char close = node is TemplateMapping ? '}' : ']';
            var content = text.Content;
            if (end > 0 && end <= content.Length && content[end - 1] == close) return end;
            return end < content.Length && content[end] == close ? end + 1 : end;
        }

        private static void ApplyMerges(TemplateMapping mapping, List<TemplateMapping> merges)
        {
            // Keys written in the mapping win over merged ones, and earlier merge sources win over later ones.
            var present = new HashSet<string>(mapping.Entries.Select(e => e.Key.Value), StringComparer.Ordinal);
            foreach (var source in merges)
                foreach (var entry in source.Entries)
                    if (present.Add(entry.Key.Value)) mapping.Entries.Add(entry);
        }

        private void Alias(AnchorAlias a)
        {
            if (!_anchors.TryGetValue(a.Value.Value, out var target))
            {
                _diagnostics.Add(new SourceDiagnostic(RuleCodes.ParseError, $"Unknown YAML alias '*{a.Value.Value}'", text.RangeOf(Span(a))));
                Add(new TemplateScalar("", ScalarStyle.Plain, Span(a), ElidedTag));
                return;
            }
            if (_expanded + target.ExpandedSize > ReaderLimits.MaxExpandedNodes)
            {
                if (!_bombReported)
                {
                    _bombReported = true;
                    _diagnostics.Add(new SourceDiagnostic(RuleCodes.ParseError,
                        $"YAML aliases expand to more than {ReaderLimits.MaxExpandedNodes:N0} nodes; the rest of the aliases are not expanded",
                        text.RangeOf(Span(a))));
                }
                Add(new TemplateScalar("", ScalarStyle.Plain, Span(a), ElidedTag));
                return;
            }
            _expanded += target.ExpandedSize;
            Add(target);
        }

        private void Add(TemplateNode node)
        {
            if (_stack.Count == 0)
            {
                _root ??= node;
                return;
            }
            var frame = _stack.Peek();
            switch (frame.Node)
            {
                case TemplateSequence seq:
                    seq.Items.Add(node);
                    break;
                case TemplateMapping map when frame.PendingKey is null && !frame.KeyIsNotScalar:
                    if (node is TemplateScalar key) frame.PendingKey = key;
                    else
                    {
                        _diagnostics.Add(new SourceDiagnostic(RuleCodes.ParseError, "A mapping key must be a scalar", text.RangeOf(node.Span)));
                        frame.KeyIsNotScalar = true;
                    }
                    break;
                case TemplateMapping map:
                    if (frame.KeyIsNotScalar) { frame.KeyIsNotScalar = false; break; }
                    var k = frame.PendingKey!;
                    frame.PendingKey = null;
                    if (k.Value == MergeKey && k.Style == ScalarStyle.Plain && AddMerge(frame, node)) break;
                    frame.Keys ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!frame.Keys.Add(k.Value))
                        _diagnostics.Add(new SourceDiagnostic(RuleCodes.TemplateInvalid, $"Duplicate key '{k.Value}'", text.RangeOf(k.Span)));
                    map.Entries.Add(new TemplateEntry(k, node));
                    break;
            }
        }

        private static bool AddMerge(Frame frame, TemplateNode value)
        {
            frame.Merges ??= [];
            if (value is TemplateMapping single) { frame.Merges.Add(single); return true; }
            if (value is TemplateSequence list && list.Items.All(i => i is TemplateMapping))
            {
                frame.Merges.AddRange(list.Items.Cast<TemplateMapping>());
                return true;
            }
            return false;
        }

        private void Anchor(AnchorName anchor, TemplateNode node)
        {
            if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
        }

        private SourceSpan Span(ParsingEvent e) => new(OffsetOf(e.Start), Math.Max(OffsetOf(e.Start), OffsetOf(e.End)));

        private int OffsetOf(Mark mark) => (int)Math.Clamp(mark.Index, 0, text.Length);
    }

    /// <summary>The tag of a placeholder that stands where input was not read (bomb, depth, unknown alias).</summary>
    public const string ElidedTag = "!<finops-elided>";

    private static ScalarStyle StyleOf(Scalar s)
    {
        var tag = s.Tag.IsEmpty || s.Tag.IsNonSpecific ? null : s.Tag.Value;
        if (tag is "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null")
            return ScalarStyle.Plain;
        if (tag is "tag:yaml.org,2002:str") return ScalarStyle.Quoted;
        return s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any ? ScalarStyle.Plain : ScalarStyle.Quoted;
    }

    private static string? TagOf(TagName tag, YamlDotNet.Core.ScalarStyle _)
    {
        if (tag.IsEmpty || tag.IsNonSpecific) return null;
        var value = tag.Value;
        return value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? null : value;
    }
}
