using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

public sealed partial class HclParser
{
    /// <summary>Set by a <c>~}</c>: the next literal loses its leading whitespace.</summary>
    private bool _stripNextLiteral;

    private HclExpression ParseQuotedTemplate()
    {
        var open = Next();
        int saved = _newlinesIgnored;
        _newlinesIgnored = 0;
        var parts = ParseTemplateParts(TokenKind.CloseQuote, heredoc: false, out _);
        _newlinesIgnored = saved;
        int end;
        if (Raw.Kind == TokenKind.CloseQuote) { end = Raw.End; _i++; }
        else end = PreviousEnd; // the lexer already reported the unterminated string
        return TemplateOrLiteral(parts, new SourceSpan(open.Start, Math.Max(end, open.End)));
    }

    private HclExpression ParseHeredoc()
    {
        var open = Next();
        bool flush = _s[open.Start + 2] == '-';
        int saved = _newlinesIgnored;
        _newlinesIgnored = 0;
        var parts = ParseTemplateParts(TokenKind.CloseHeredoc, heredoc: true, out _);
        _newlinesIgnored = saved;
        int end;
        if (Raw.Kind == TokenKind.CloseHeredoc) { end = Raw.End; _i++; }
        else end = PreviousEnd;
        if (flush) HeredocFlush.Apply(parts);
        return TemplateOrLiteral(parts, new SourceSpan(open.Start, Math.Max(end, open.End)));
    }

    private static HclExpression TemplateOrLiteral(List<TemplatePart> parts, SourceSpan span)
    {
        if (parts.Count == 0) return new LiteralExpression(LiteralKind.String, "", span);
        bool literalOnly = true;
        foreach (var p in parts)
            if (p is not LiteralPart) { literalOnly = false; break; }
        if (!literalOnly) return new TemplateExpression(parts, span);
        if (parts.Count == 1) return new LiteralExpression(LiteralKind.String, ((LiteralPart)parts[0]).Text, span);
        var sb = new System.Text.StringBuilder();
        foreach (var p in parts) sb.Append(((LiteralPart)p).Text);
        return new LiteralExpression(LiteralKind.String, sb.ToString(), span);
    }

    /// <summary>
    /// Reads template parts until <paramref name="closer"/> (not consumed) or a closing directive
    /// (<c>else</c>, <c>endif</c>, <c>endfor</c>, consumed and returned in <paramref name="endDirective"/>).
    /// </summary>
    private List<TemplatePart> ParseTemplateParts(TokenKind closer, bool heredoc, out string? endDirective)
    {
        endDirective = null;
        var parts = new List<TemplatePart>();
        while (true)
        {
            var t = Raw;
            switch (t.Kind)
            {
                case TokenKind.QuotedLiteral or TokenKind.HeredocLiteral:
                {
                    _i++;
                    var text = TemplateEscapes.Decode(_s, t.Start, t.End, backslashes: t.Kind == TokenKind.QuotedLiteral, out var badEscape);
                    if (badEscape >= 0) Error(badEscape, Math.Min(badEscape + 2, t.End), "Invalid escape sequence");
                    // Heredoc lines are separate literals: stripping goes on over those left empty.
                    if (_stripNextLiteral) { text = text.TrimStart(); _stripNextLiteral = text.Length == 0; }
                    parts.Add(new LiteralPart(text, t.Span));
                    break;
                }
                case TokenKind.TemplateInterpolation:
                {
                    _i++;
                    _stripNextLiteral = false; // a strip marker reaches only a literal right next to it
                    StripBefore(parts, t);
                    _newlinesIgnored++;
                    var expr = ParseExpression();
                    _newlinesIgnored--;
                    int end = EndSequence("to close the interpolation");
                    parts.Add(new InterpolationPart(expr, new SourceSpan(t.Start, Math.Max(end, t.End))));
                    break;
                }
                case TokenKind.TemplateControl:
                {
                    _i++;
                    _stripNextLiteral = false;
                    StripBefore(parts, t);
                    var keyword = Peek();
                    if (IsKeyword(keyword, "if")) { parts.Add(ParseIfDirective(t, closer, heredoc)); break; }
                    if (IsKeyword(keyword, "for")) { parts.Add(ParseForDirective(t, closer, heredoc)); break; }
                    if (IsKeyword(keyword, "else") || IsKeyword(keyword, "endif") || IsKeyword(keyword, "endfor"))
                    {
                        _i++;
                        endDirective = TextOf(keyword);
                        EndSequence($"after '{endDirective}'");
                        return parts;
                    }
                    Error(keyword, $"Expected a template directive (if, for, else, endif, endfor), found {DescribeFound(keyword)}");
                    SkipTo(TokenKind.TemplateSequenceEnd);
                    EndSequence("to close the directive");
                    break;
                }
                default:
                    // The closer, the end of the file, or a token the lexer left after an unterminated string.
                    _stripNextLiteral = false;
                    return parts;
            }
        }
    }

    private int EndSequence(string context)
    {
        var t = Peek();
        if (t.Kind == TokenKind.TemplateSequenceEnd)
        {
            _i++;
            if (t.Strip) _stripNextLiteral = true;
            return t.End;
        }
        Error(t, $"Expected '}}' {context}, found {DescribeFound(t)}");
        SkipTo(TokenKind.TemplateSequenceEnd);
        if (Raw.Kind == TokenKind.TemplateSequenceEnd) { int end = Raw.End; _i++; return end; }
        return PreviousEnd;
    }

    private static void StripBefore(List<TemplatePart> parts, Token sequenceStart)
    {
        if (!sequenceStart.Strip) return;
        for (int i = parts.Count - 1; i >= 0 && parts[i] is LiteralPart lit; i--)
        {
            lit.Text = lit.Text.TrimEnd();
            if (lit.Text.Length > 0) break;
        }
    }

    private TemplatePart ParseIfDirective(Token start, TokenKind closer, bool heredoc)
    {
        _i++; // "if"
        _newlinesIgnored++;
        var condition = ParseExpression();
        _newlinesIgnored--;
        EndSequence("after the if condition");
        var then = ParseTemplateParts(closer, heredoc, out var end);
        IReadOnlyList<TemplatePart> otherwise = [];
        if (end == "else") otherwise = ParseTemplateParts(closer, heredoc, out end);
        if (end != "endif") Error(start, $"The %{{if}} directive has no matching %{{endif}}");
        return new IfDirectivePart(condition, then, otherwise, new SourceSpan(start.Start, PreviousEnd));
    }

    private TemplatePart ParseForDirective(Token start, TokenKind closer, bool heredoc)
    {
        _i++; // "for"
        _newlinesIgnored++;
        var (keyName, valueName, collection) = ParseForHead("for directive");
        _newlinesIgnored--;
        EndSequence("after the for directive");
        var body = ParseTemplateParts(closer, heredoc, out var end);
        if (end != "endfor") Error(start, "The %{for} directive has no matching %{endfor}");
        return new ForDirectivePart(keyName, valueName, collection, body, new SourceSpan(start.Start, PreviousEnd));
    }
}
