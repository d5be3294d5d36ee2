using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>
/// A recursive-descent parser for HCL native syntax (hashicorp/hcl <c>hclsyntax/spec.md</c>) over the lexer's
/// tokens. It never throws: an error becomes a diagnostic, the parser skips to the end of the line (or the
/// enclosing brace) and goes on, so one bad attribute or block does not hide the rest of the file.
/// </summary>
public sealed partial class HclParser
{
    /// <summary>Errors beyond this many in one file add nothing but noise (and cost on garbage input).</summary>
    private const int MaxDiagnostics = 100;

    private static readonly HashSet<string> TopLevelKeywords =
        new(StringComparer.Ordinal) { "resource", "data", "module", "variable", "output", "locals", "provider", "terraform", "moved", "import", "check", "removed" };

    private readonly SourceText _text;
    private readonly string _s;
    private readonly List<Token> _tokens;
    private readonly List<SourceDiagnostic> _diagnostics;
    private int _i;
    private int _depth;

    /// <summary>When above zero, line breaks are insignificant (inside brackets, parentheses, objects and sequences).</summary>
    private int _newlinesIgnored;

    private HclParser(SourceText text, List<Token> tokens, List<SourceDiagnostic> diagnostics)
    {
        _text = text;
        _s = text.Content;
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    /// <summary>A token list per thread, reused from file to file: tokens live only while a file is parsed.</summary>
    [ThreadStatic] private static List<Token>? t_tokens;

    /// <summary>Names (identifiers) per thread, so each distinct name is one string however often it is written.</summary>
    [ThreadStatic] private static HashSet<string>? t_names;

    private const int MaxReusedTokens = 1 << 20;
    private const int MaxInternedNames = 50_000;

    public static HclFile Parse(SourceText text)
    {
        var diagnostics = new List<SourceDiagnostic>();
        var tokens = HclLexer.Tokenize(text, diagnostics, into: t_tokens ?? new List<Token>(1024));
        var names = t_names ??= new HashSet<string>(StringComparer.Ordinal);
        if (names.Count > MaxInternedNames) names.Clear();
        var parser = new HclParser(text, tokens, diagnostics) { _names = names.GetAlternateLookup<ReadOnlySpan<char>>() };
        var body = parser.ParseBody(0, topLevel: true);
        tokens.Clear();
        t_tokens = tokens.Capacity <= MaxReusedTokens ? tokens : null;
        return new HclFile(text, body, diagnostics, isJson: false);
    }

    /// <summary>Parses the content of a template (a <c>.tf.json</c> string) between <paramref name="start"/> and <paramref name="end"/>.</summary>
    internal static HclExpression ParseTemplate(SourceText text, int start, int end, List<SourceDiagnostic> diagnostics)
    {
        var tokens = HclLexer.TokenizeTemplate(text, diagnostics, start, end);
        var parser = new HclParser(text, tokens, diagnostics);
        var parts = parser.ParseTemplateParts(TokenKind.EndOfFile, heredoc: false, out _);
        return TemplateOrLiteral(parts, new SourceSpan(start, end));
    }

    // ---- tokens ----

    private Token Peek()
    {
        if (_newlinesIgnored > 0)
            while (_tokens[_i].Kind == TokenKind.Newline) _i++;
        return _tokens[_i];
    }

    private Token Raw => _tokens[_i];

    private Token Next()
    {
        var t = Peek();
        if (t.Kind != TokenKind.EndOfFile) _i++;
        return t;
    }

    private bool Accept(TokenKind kind)
    {
        if (Peek().Kind != kind) return false;
        _i++;
        return true;
    }

    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _names;

    /// <summary>The text of a token; identifiers are interned.</summary>
    private string TextOf(Token t)
    {
        var span = _s.AsSpan(t.Start, t.Length);
        if (t.Kind != TokenKind.Identifier || _names is not { } names) return span.ToString();
        if (names.TryGetValue(span, out var name)) return name;
        name = span.ToString();
        names.Add(name);
        return name;
    }

    private bool IsKeyword(Token t, string keyword) =>
        t.Kind == TokenKind.Identifier && t.Length == keyword.Length && string.CompareOrdinal(_s, t.Start, keyword, 0, keyword.Length) == 0;

    private int PreviousEnd => _i > 0 ? _tokens[_i - 1].End : 0;

    private void Error(Token at, string message) => Error(at.Start, at.End, message);

    private void Error(int start, int end, string message)
    {
        if (_diagnostics.Count >= MaxDiagnostics) return;
        _diagnostics.Add(new SourceDiagnostic(RuleCodes.ParseError, message, _text.RangeOf(start, end)));
    }

    private static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Newline => "line break",
        TokenKind.CloseBrace => "'}'",
        TokenKind.CloseBracket => "']'",
        TokenKind.CloseParen => "')'",
        TokenKind.Equals => "'='",
        TokenKind.Colon => "':'",
        TokenKind.Comma => "','",
        TokenKind.FatArrow => "'=>'",
        TokenKind.TemplateSequenceEnd => "'}'",
        _ => kind.ToString(),
    };

    private bool Expect(TokenKind kind, string context)
    {
        if (Accept(kind)) return true;
        var t = Peek();
        Error(t, $"Expected {Describe(kind)} {context}, found {DescribeFound(t)}");
        return false;
    }

    private string DescribeFound(Token t) => t.Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Newline => "a line break",
        _ => $"'{(t.Length > 20 ? _s.Substring(t.Start, 20) + "…" : TextOf(t))}'",
    };

    /// <summary>
    /// Skips to the end of the current line at this nesting level (consuming the line break), or to a
    /// <c>}</c> that closes the enclosing block (not consumed), or to the end of the file.
    /// </summary>
    private void Recover()
    {
        int depth = 0;
        while (true)
        {
            var t = _tokens[_i];
            switch (t.Kind)
            {
                case TokenKind.EndOfFile:
                    return;
                case TokenKind.Newline when depth == 0:
                    _i++;
                    return;
                case TokenKind.CloseBrace when depth == 0:
                    return;
                case TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.OpenParen or TokenKind.OpenQuote or TokenKind.OpenHeredoc
                    or TokenKind.TemplateInterpolation or TokenKind.TemplateControl:
                    depth++;
                    break;
                case TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen or TokenKind.CloseQuote or TokenKind.CloseHeredoc
                    or TokenKind.TemplateSequenceEnd:
                    if (depth > 0) depth--;
                    break;
            }
            _i++;
        }
    }

    private bool TooDeep(Token at)
    {
        if (_depth < ReaderLimits.MaxDepth) return false;
        Error(at, $"Nesting deeper than {ReaderLimits.MaxDepth} levels is not analysed");
        return true;
    }

    // ---- bodies ----

    private HclBody ParseBody(int start, bool topLevel)
    {
        var attributes = new List<HclAttribute>();
        var blocks = new List<HclBlock>();
        int saved = _newlinesIgnored;
        _newlinesIgnored = 0;
        while (true)
        {
            var t = Raw;
            if (t.Kind == TokenKind.Newline) { _i++; continue; }
            if (t.Kind == TokenKind.EndOfFile) break;
            if (t.Kind == TokenKind.CloseBrace)
            {
                if (!topLevel) break;
                Error(t, "Unexpected '}'");
                _i++;
                continue;
            }
            if (t.Kind != TokenKind.Identifier)
            {
                Error(t, $"Expected an attribute or block, found {DescribeFound(t)}");
                int before = _i;
                Recover();
                if (_i == before && Raw.Kind == TokenKind.CloseBrace && topLevel) _i++;
                continue;
            }
            if (!topLevel && StartsTopLevelBlock(t)) break;
            ParseBodyItem(attributes, blocks);
        }
        _newlinesIgnored = saved;
        int end = topLevel ? _s.Length : Raw.Start;
        return new HclBody(attributes, blocks, new SourceSpan(start, Math.Max(start, end)));
    }

    /// <summary>A top-level keyword at the start of a line inside a block most likely means a <c>}</c> is missing above it.</summary>
    private bool StartsTopLevelBlock(Token t)
    {
        if (_text.PositionAt(t.Start).Character != 0 || !TopLevelKeywords.Contains(TextOf(t))) return false;
        var next = _tokens[_i + 1].Kind;
        return next is TokenKind.OpenQuote or TokenKind.OpenBrace;
    }

    private void ParseBodyItem(List<HclAttribute> attributes, List<HclBlock> blocks)
    {
        var nameToken = Raw;
        _i++;
        var name = TextOf(nameToken);
        var t = Raw;
        if (t.Kind == TokenKind.Equals)
        {
            _i++;
            var value = ParseExpression();
            attributes.Add(new HclAttribute(name, nameToken.Span, value, new SourceSpan(nameToken.Start, Math.Max(nameToken.End, value.Span.End))));
            EndOfItem("after the attribute value");
            return;
        }
        if (t.Kind is TokenKind.OpenQuote or TokenKind.Identifier or TokenKind.OpenBrace)
        {
            if (ParseBlock(nameToken, name) is { } block) blocks.Add(block);
            return;
        }
        Error(t, $"Expected '=' or a block after '{name}', found {DescribeFound(t)}");
        Recover();
    }

    private void EndOfItem(string context)
    {
        var t = Raw;
        if (t.Kind is TokenKind.Newline) { _i++; return; }
        if (t.Kind is TokenKind.EndOfFile or TokenKind.CloseBrace) return;
        Error(t, $"Expected a line break {context}, found {DescribeFound(t)}");
        Recover();
    }

    private HclBlock? ParseBlock(Token typeToken, string type)
    {
        var labels = new List<HclLabel>(2);
        while (true)
        {
            var t = Raw;
            if (t.Kind == TokenKind.Identifier) { labels.Add(new HclLabel(TextOf(t), t.Span)); _i++; continue; }
            if (t.Kind == TokenKind.OpenQuote) { labels.Add(ParseLabel()); continue; }
            break;
        }
        var open = Raw;
        if (open.Kind != TokenKind.OpenBrace)
        {
            Error(open, $"Expected '{{' to open the {type} block, found {DescribeFound(open)}");
            Recover();
            return null;
        }
        _i++;
        if (TooDeep(open))
        {
            SkipBalancedBraces();
            return null;
        }
        _depth++;
        var body = ParseBody(open.End, topLevel: false);
        _depth--;
        int end;
        if (Raw.Kind == TokenKind.CloseBrace)
        {
            end = Raw.End;
            _i++;
            EndOfItem("after the block");
        }
        else
        {
            Error(open, $"The {type} block is not closed: '}}' is missing");
            end = PreviousEnd;
        }
        return new HclBlock(type, typeToken.Span, labels, body, new SourceSpan(typeToken.Start, Math.Max(end, open.End)));
    }

    private void SkipBalancedBraces()
    {
        int depth = 1;
        while (depth > 0 && Raw.Kind != TokenKind.EndOfFile)
        {
            if (Raw.Kind == TokenKind.OpenBrace) depth++;
            else if (Raw.Kind == TokenKind.CloseBrace) depth--;
            _i++;
        }
    }

    private HclLabel ParseLabel()
    {
        var open = Raw;
        _i++;
        var parts = ParseTemplateParts(TokenKind.CloseQuote, heredoc: false, out _);
        int end = Raw.Kind == TokenKind.CloseQuote ? Raw.End : PreviousEnd;
        if (Raw.Kind == TokenKind.CloseQuote) _i++;
        var text = new System.Text.StringBuilder();
        foreach (var p in parts)
        {
            if (p is LiteralPart lit) text.Append(lit.Text);
            else Error(p.Span.Start, p.Span.End, "A block label cannot contain template sequences");
        }
        return new HclLabel(text.ToString(), new SourceSpan(open.Start, end));
    }
}
