using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>
/// Splits HCL native syntax into tokens in one pass. Like hclsyntax's scanner it keeps a stack of open
/// braces and templates, so a <c>}</c> knows whether it closes an object, a block or a <c>${</c> sequence,
/// and template text comes out as literal tokens between sequence tokens. It never throws: bad characters
/// become <see cref="TokenKind.Invalid"/> tokens with a diagnostic.
/// </summary>
public sealed class HclLexer
{
    private enum FrameKind : byte { Brace, Sequence, Quoted, Heredoc, Embedded }

    private readonly record struct Frame(FrameKind Kind, int AnchorStart = 0, int AnchorLength = 0);

    private readonly string _s;
    private readonly int _end;
    private readonly SourceText _text;
    private readonly List<SourceDiagnostic> _diagnostics;
    private readonly List<Token> _tokens;
    private readonly List<Frame> _frames = [];
    private int _pos;

    private HclLexer(SourceText text, int start, int end, List<SourceDiagnostic> diagnostics, List<Token> into)
    {
        _text = text;
        _s = text.Content;
        _pos = start;
        _end = end;
        _diagnostics = diagnostics;
        _tokens = into;
        _tokens.Clear();
    }

    /// <summary>
    /// Tokens of <paramref name="text"/> (or of its span [start, end)), always ending with <see cref="TokenKind.EndOfFile"/>.
    /// Pass <paramref name="into"/> to reuse a list (tokens are needed only while parsing).
    /// </summary>
    public static List<Token> Tokenize(SourceText text, List<SourceDiagnostic> diagnostics, int start = 0, int end = -1, List<Token>? into = null)
    {
        end = end < 0 ? text.Length : end;
        var lexer = new HclLexer(text, start, end, diagnostics, into ?? new List<Token>(Math.Max(16, (end - start) / 4)));
        lexer.Run();
        return lexer._tokens;
    }

    /// <summary>Tokens of a template with no quotes around it (the content of a <c>.tf.json</c> string).</summary>
    public static List<Token> TokenizeTemplate(SourceText text, List<SourceDiagnostic> diagnostics, int start, int end)
    {
        var lexer = new HclLexer(text, start, end, diagnostics, new List<Token>(16));
        lexer._frames.Add(new Frame(FrameKind.Embedded));
        lexer.Run();
        return lexer._tokens;
    }

    private FrameKind Mode => _frames.Count == 0 ? FrameKind.Brace : _frames[^1].Kind;

    private void Run()
    {
        while (_pos < _end)
        {
            switch (Mode)
            {
                case FrameKind.Quoted or FrameKind.Embedded: ScanQuoted(); break;
                case FrameKind.Heredoc: ScanHeredoc(); break;
                default: ScanNormal(); break;
            }
        }
        if (_frames.Count > 0 && (Mode == FrameKind.Quoted || Mode == FrameKind.Heredoc))
            Error(_end, _end, Mode == FrameKind.Quoted ? "Unterminated string" : "Unterminated heredoc");
        _tokens.Add(new Token(TokenKind.EndOfFile, _end, _end));
    }

    private void Add(TokenKind kind, int start, int end, bool strip = false) => _tokens.Add(new Token(kind, start, end, strip));

    private void Error(int start, int end, string message) =>
        _diagnostics.Add(new SourceDiagnostic(RuleCodes.ParseError, message, _text.RangeOf(start, end)));

    private char At(int i) => i < _end ? _s[i] : '\0';

    private void ScanNormal()
    {
        char c = _s[_pos];
        int start = _pos;
        switch (c)
        {
            case ' ' or '\t' or '\uFEFF':
                _pos++;
                return;
            case '\r' when At(_pos + 1) == '\n':
                _pos += 2; Add(TokenKind.Newline, start, _pos); return;
            case '\n' or '\r':
                _pos++; Add(TokenKind.Newline, start, _pos); return;
            case '#':
                SkipLineComment(); return;
            case '/' when At(_pos + 1) == '/':
                SkipLineComment(); return;
            case '/' when At(_pos + 1) == '*':
                SkipBlockComment(); return;
            case '"':
                _pos++; Add(TokenKind.OpenQuote, start, _pos); _frames.Add(new Frame(FrameKind.Quoted)); return;
            case '<' when At(_pos + 1) == '<' && TryHeredocStart():
                return;
            case '{':
                _pos++; Add(TokenKind.OpenBrace, start, _pos); _frames.Add(new Frame(FrameKind.Brace)); return;
            case '}':
                _pos++; CloseBrace(start, strip: false); return;
            case '~' when At(_pos + 1) == '}':
                _pos += 2; CloseBrace(start, strip: true); return;
        }
        if (IsIdentStart(c)) { ScanIdentifier(); return; }
        if (c is >= '0' and <= '9') { ScanNumber(); return; }
        var (kind, length) = Operator(c, At(_pos + 1), At(_pos + 2));
        if (kind == TokenKind.Invalid)
        {
            length = char.IsHighSurrogate(c) && char.IsLowSurrogate(At(_pos + 1)) ? 2 : 1;
            Error(start, start + length, $"Invalid character '{_s.Substring(start, length)}'");
        }
        _pos += length;
        Add(kind, start, _pos);
    }

    private static (TokenKind, int) Operator(char c, char next, char third) => c switch
    {
        '[' => (TokenKind.OpenBracket, 1),
        ']' => (TokenKind.CloseBracket, 1),
        '(' => (TokenKind.OpenParen, 1),
        ')' => (TokenKind.CloseParen, 1),
        ',' => (TokenKind.Comma, 1),
        '.' when next == '.' && third == '.' => (TokenKind.Ellipsis, 3),
        '.' => (TokenKind.Dot, 1),
        '=' when next == '=' => (TokenKind.EqualEqual, 2),
        '=' when next == '>' => (TokenKind.FatArrow, 2),
        '=' => (TokenKind.Equals, 1),
        ':' when next == ':' => (TokenKind.DoubleColon, 2),
        ':' => (TokenKind.Colon, 1),
        '?' => (TokenKind.Question, 1),
        '+' => (TokenKind.Plus, 1),
        '-' => (TokenKind.Minus, 1),
        '*' => (TokenKind.Star, 1),
        '/' => (TokenKind.Slash, 1),
        '%' => (TokenKind.Percent, 1),
        '&' when next == '&' => (TokenKind.And, 2),
        '|' when next == '|' => (TokenKind.Or, 2),
        '!' when next == '=' => (TokenKind.NotEqual, 2),
        '!' => (TokenKind.Bang, 1),
        '<' when next == '=' => (TokenKind.LessEqual, 2),
        '<' => (TokenKind.Less, 1),
        '>' when next == '=' => (TokenKind.GreaterEqual, 2),
        '>' => (TokenKind.Greater, 1),
        _ => (TokenKind.Invalid, 1),
    };

    private void CloseBrace(int start, bool strip)
    {
        var kind = TokenKind.CloseBrace;
        if (_frames.Count > 0 && _frames[^1].Kind is FrameKind.Brace or FrameKind.Sequence)
        {
            if (_frames[^1].Kind == FrameKind.Sequence) kind = TokenKind.TemplateSequenceEnd;
            _frames.RemoveAt(_frames.Count - 1);
        }
        if (strip && kind != TokenKind.TemplateSequenceEnd)
        {
            // A "~" outside a template sequence is not an operator.
            Error(start, start + 1, "Invalid character '~'");
            Add(TokenKind.Invalid, start, start + 1);
            start++;
            strip = false;
        }
        Add(kind, start, _pos, strip);
    }

    private void SkipLineComment()
    {
        int i = _s.AsSpan(_pos, _end - _pos).IndexOfAny('\n', '\r');
        _pos = i < 0 ? _end : _pos + i;
    }

    private void SkipBlockComment()
    {
        int start = _pos;
        int i = _s.AsSpan(_pos + 2, _end - _pos - 2).IndexOf("*/", StringComparison.Ordinal);
        if (i < 0)
        {
            Error(start, start + 2, "Unterminated comment");
            _pos = _end;
            return;
        }
        _pos += i + 4;
    }

    public static bool IsIdentStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c > 127 && char.IsLetter(c));

    public static bool IsIdentPart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' || (c > 127 && char.IsLetterOrDigit(c));

    private void ScanIdentifier()
    {
        int start = _pos++;
        while (_pos < _end && IsIdentPart(_s[_pos])) _pos++;
        Add(TokenKind.Identifier, start, _pos);
    }

    private void ScanNumber()
    {
        int start = _pos;
        while (_pos < _end && char.IsAsciiDigit(_s[_pos])) _pos++;
        if (At(_pos) == '.' && char.IsAsciiDigit(At(_pos + 1)))
        {
            _pos++;
            while (_pos < _end && char.IsAsciiDigit(_s[_pos])) _pos++;
        }
        if (At(_pos) is 'e' or 'E')
        {
            int save = _pos++;
            if (At(_pos) is '+' or '-') _pos++;
            if (!char.IsAsciiDigit(At(_pos))) _pos = save;
            else while (_pos < _end && char.IsAsciiDigit(_s[_pos])) _pos++;
        }
        Add(TokenKind.Number, start, _pos);
    }

    /// <summary><c>&lt;&lt;EOT</c> or <c>&lt;&lt;-EOT</c> followed by a line break opens a heredoc.</summary>
    private bool TryHeredocStart()
    {
        int i = _pos + 2;
        if (At(i) == '-') i++;
        int anchor = i;
        if (!IsIdentStart(At(i))) return false;
        while (i < _end && IsIdentPart(_s[i])) i++;
        int anchorEnd = i;
        if (At(i) == '\r') i++;
        if (At(i) != '\n') return false;
        i++;
        Add(TokenKind.OpenHeredoc, _pos, i);
        _frames.Add(new Frame(FrameKind.Heredoc, anchor, anchorEnd - anchor));
        _pos = i;
        TryHeredocEnd(); // an empty heredoc closes on its first line
        return true;
    }

    private void ScanQuoted()
    {
        int start = _pos;
        while (_pos < _end)
        {
            char c = _s[_pos];
            if (c == '"')
            {
                FlushLiteral(TokenKind.QuotedLiteral, start);
                Add(TokenKind.CloseQuote, _pos, ++_pos);
                _frames.RemoveAt(_frames.Count - 1);
                return;
            }
            if (c is '\n' or '\r')
            {
                FlushLiteral(TokenKind.QuotedLiteral, start);
                Error(_pos, _pos, "Unterminated string: a quoted string cannot contain a line break");
                _frames.RemoveAt(_frames.Count - 1);
                return;
            }
            if (c == '\\') { _pos = Math.Min(_end, _pos + 2); continue; }
            if (TrySequenceStart(TokenKind.QuotedLiteral, start)) return;
            _pos++;
        }
        FlushLiteral(TokenKind.QuotedLiteral, start);
    }

    private void ScanHeredoc()
    {
        int start = _pos;
        while (_pos < _end)
        {
            char c = _s[_pos];
            if (c == '\n' || (c == '\r' && At(_pos + 1) != '\n'))
            {
                _pos++;
                // Each line is its own literal so the closing anchor can be recognised at a line start.
                FlushLiteral(TokenKind.HeredocLiteral, start);
                TryHeredocEnd();
                return;
            }
            if (TrySequenceStart(TokenKind.HeredocLiteral, start)) return;
            _pos++;
        }
        FlushLiteral(TokenKind.HeredocLiteral, start);
    }

    /// <summary>At a line start inside a heredoc: the anchor alone on its line (after indentation) closes it.</summary>
    private bool TryHeredocEnd()
    {
        var frame = _frames[^1];
        int i = _pos;
        while (i < _end && _s[i] is ' ' or '\t') i++;
        if (i + frame.AnchorLength > _end
            || !_s.AsSpan(i, frame.AnchorLength).SequenceEqual(_s.AsSpan(frame.AnchorStart, frame.AnchorLength)))
            return false;
        int after = i + frame.AnchorLength;
        int j = after;
        while (j < _end && _s[j] is ' ' or '\t') j++;
        if (j < _end && _s[j] is not ('\n' or '\r')) return false;
        Add(TokenKind.CloseHeredoc, i, after);
        _frames.RemoveAt(_frames.Count - 1);
        _pos = after;
        return true;
    }

    /// <summary><c>${</c> or <c>%{</c> (not the escapes <c>$${</c>, <c>%%{</c>) ends the literal and opens a sequence.</summary>
    private bool TrySequenceStart(TokenKind literalKind, int literalStart)
    {
        char c = _s[_pos];
        if (c is not ('$' or '%')) return false;
        if (At(_pos + 1) == c && At(_pos + 2) == '{') { _pos += 2; return false; }
        if (At(_pos + 1) != '{') return false;
        FlushLiteral(literalKind, literalStart);
        int start = _pos;
        _pos += 2;
        bool strip = At(_pos) == '~';
        if (strip) _pos++;
        Add(c == '$' ? TokenKind.TemplateInterpolation : TokenKind.TemplateControl, start, _pos, strip);
        _frames.Add(new Frame(FrameKind.Sequence));
        return true;
    }

    private void FlushLiteral(TokenKind kind, int start)
    {
        if (_pos > start) Add(kind, start, _pos);
    }
}
