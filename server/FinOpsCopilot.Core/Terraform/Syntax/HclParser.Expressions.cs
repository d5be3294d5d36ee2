using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

public sealed partial class HclParser
{
    /// <summary>Binary operators by precedence level, loosest first, as in the HCL spec.</summary>
    private static int LevelOf(TokenKind kind) => kind switch
    {
        TokenKind.Or => 0,
        TokenKind.And => 1,
        TokenKind.EqualEqual or TokenKind.NotEqual => 2,
        TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual => 3,
        TokenKind.Plus or TokenKind.Minus => 4,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => 5,
        _ => -1,
    };

    private const int UnaryLevel = 6;

    private HclExpression ParseExpression()
    {
        var start = Peek();
        if (TooDeep(start))
        {
            Recover();
            return new ErrorExpression(start.Span);
        }
        _depth++;
        var condition = ParseBinary(0);
        if (Peek().Kind == TokenKind.Question)
        {
            _i++;
            // Line breaks may follow '?' and ':' and surround the true branch; the false branch ends the expression.
            _newlinesIgnored++;
            var whenTrue = ParseExpression();
            Expect(TokenKind.Colon, "in the conditional expression");
            _newlinesIgnored--;
            SkipNewlines();
            var whenFalse = ParseExpression();
            condition = new ConditionalExpression(condition, whenTrue, whenFalse, new SourceSpan(condition.Span.Start, whenFalse.Span.End));
        }
        _depth--;
        return condition;
    }

    private HclExpression ParseBinary(int level)
    {
        if (level == UnaryLevel) return ParseUnary();
        var left = ParseBinary(level + 1);
        while (LevelOf(Peek().Kind) == level)
        {
            var op = Next().Kind;
            SkipNewlines();
            var right = ParseBinary(level + 1);
            left = new BinaryExpression(op, left, right, new SourceSpan(left.Span.Start, right.Span.End));
        }
        return left;
    }

    /// <summary>A line break may follow an operator: the expression cannot end there.</summary>
    private void SkipNewlines()
    {
        while (_tokens[_i].Kind == TokenKind.Newline) _i++;
    }

    private HclExpression ParseUnary()
    {
        var t = Peek();
        if (t.Kind is TokenKind.Minus or TokenKind.Bang)
        {
            _i++;
            if (TooDeep(t)) { Recover(); return new ErrorExpression(t.Span); }
            _depth++;
            var operand = ParseUnary();
            _depth--;
            return new UnaryExpression(t.Kind, operand, new SourceSpan(t.Start, operand.Span.End));
        }
        return ParsePostfix(ParsePrimary());
    }

    private HclExpression ParsePostfix(HclExpression expr)
    {
        while (true)
        {
            var t = Peek();
            if (t.Kind == TokenKind.Dot)
            {
                var after = _tokens[_i + 1];
                if (after.Kind == TokenKind.Star)
                {
                    _i += 2;
                    expr = ParseSplat(expr, full: false);
                    continue;
                }
                if (TryAttributeStep(expr, out var step)) { expr = step; continue; }
                _i++;
                Error(after, $"Expected an attribute name after '.', found {DescribeFound(after)}");
                return new ErrorExpression(new SourceSpan(expr.Span.Start, t.End));
            }
            if (t.Kind == TokenKind.OpenBracket)
            {
                if (_tokens[_i + 1].Kind == TokenKind.Star && _tokens[_i + 2].Kind == TokenKind.CloseBracket)
                {
                    _i += 3;
                    expr = ParseSplat(expr, full: true);
                    continue;
                }
                expr = ParseIndex(expr);
                continue;
            }
            return expr;
        }
    }

    /// <summary><c>.name</c> or the legacy index <c>.0</c>.</summary>
    private bool TryAttributeStep(HclExpression source, out HclExpression result)
    {
        var after = _tokens[_i + 1];
        if (_tokens[_i].Kind == TokenKind.Dot && after.Kind == TokenKind.Identifier)
        {
            _i += 2;
            result = new GetAttributeExpression(source, TextOf(after), after.Span, new SourceSpan(source.Span.Start, after.End));
            return true;
        }
        if (_tokens[_i].Kind == TokenKind.Dot && after.Kind == TokenKind.Number)
        {
            _i += 2;
            var key = new LiteralExpression(LiteralKind.Number, TextOf(after), after.Span);
            result = new IndexExpression(source, key, new SourceSpan(source.Span.Start, after.End));
            return true;
        }
        result = source;
        return false;
    }

    private HclExpression ParseIndex(HclExpression source)
    {
        _i++;
        _newlinesIgnored++;
        var key = ParseExpression();
        _newlinesIgnored--;
        int end = Peek().End;
        if (!Expect(TokenKind.CloseBracket, "to close the index")) end = key.Span.End;
        return new IndexExpression(source, key, new SourceSpan(source.Span.Start, end));
    }

    /// <summary>
    /// After <c>[*]</c> every following attribute and index step applies to each element; after the legacy
    /// <c>.*</c> only attribute steps do.
    /// </summary>
    private HclExpression ParseSplat(HclExpression source, bool full)
    {
        int markEnd = _tokens[_i - 1].End;
        HclExpression each = new SplatItemExpression(new SourceSpan(markEnd, markEnd));
        while (true)
        {
            var t = Peek();
            if (t.Kind == TokenKind.Dot && _tokens[_i + 1].Kind != TokenKind.Star && TryAttributeStep(each, out var step)) { each = step; continue; }
            if (full && t.Kind == TokenKind.OpenBracket && _tokens[_i + 1].Kind != TokenKind.Star) { each = ParseIndex(each); continue; }
            break;
        }
        return new SplatExpression(source, each, new SourceSpan(source.Span.Start, Math.Max(markEnd, each.Span.End)));
    }

    private HclExpression ParsePrimary()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case TokenKind.Number:
                _i++;
                return new LiteralExpression(LiteralKind.Number, TextOf(t), t.Span);
            case TokenKind.Identifier:
                return ParseIdentifierExpression(t);
            case TokenKind.OpenQuote:
                return ParseQuotedTemplate();
            case TokenKind.OpenHeredoc:
                return ParseHeredoc();
            case TokenKind.OpenParen:
            {
                _i++;
                _newlinesIgnored++;
                var inner = ParseExpression();
                _newlinesIgnored--;
                int end = Peek().End;
                if (!Expect(TokenKind.CloseParen, "to close the parentheses")) end = inner.Span.End;
                return new ParenthesesExpression(inner, new SourceSpan(t.Start, end));
            }
            case TokenKind.OpenBracket:
                return ParseTuple();
            case TokenKind.OpenBrace:
                return ParseObject();
            default:
                Error(t, $"Expected an expression, found {DescribeFound(t)}");
                // Consume a stray token so callers always make progress, but never one that closes something.
                if (t.Kind is not (TokenKind.EndOfFile or TokenKind.Newline or TokenKind.CloseBrace or TokenKind.CloseBracket
                    or TokenKind.CloseParen or TokenKind.TemplateSequenceEnd or TokenKind.CloseQuote or TokenKind.CloseHeredoc
                    or TokenKind.Comma or TokenKind.Colon or TokenKind.FatArrow))
                    _i++;
                return new ErrorExpression(t.Span);
        }
    }

    private HclExpression ParseIdentifierExpression(Token t)
    {
        var next = _tokens[_i + 1].Kind;
        if (next == TokenKind.OpenParen || next == TokenKind.DoubleColon) return ParseFunctionCall(t);
        _i++;
        var name = TextOf(t);
        return name switch
        {
            "true" or "false" => new LiteralExpression(LiteralKind.Bool, name, t.Span),
            "null" => new LiteralExpression(LiteralKind.Null, name, t.Span),
            _ => new VariableExpression(name, t.Span),
        };
    }

    private HclExpression ParseFunctionCall(Token first)
    {
        int nameEnd = first.End;
        _i++;
        // provider::namespace::name — the name runs over the "::" separators.
        while (Raw.Kind == TokenKind.DoubleColon && _tokens[_i + 1].Kind == TokenKind.Identifier)
        {
            nameEnd = _tokens[_i + 1].End;
            _i += 2;
        }
        var name = _s.Substring(first.Start, nameEnd - first.Start);
        if (Raw.Kind != TokenKind.OpenParen)
        {
            Error(Raw, $"Expected '(' after the function name '{name}', found {DescribeFound(Raw)}");
            return new ErrorExpression(new SourceSpan(first.Start, nameEnd));
        }
        _i++;
        _newlinesIgnored++;
        var args = new List<HclExpression>();
        bool expand = false;
        while (true)
        {
            var t = Peek();
            if (t.Kind == TokenKind.CloseParen || t.Kind == TokenKind.EndOfFile) break;
            int before = _i;
            args.Add(ParseExpression());
            if (Accept(TokenKind.Ellipsis)) expand = true;
            if (Accept(TokenKind.Comma)) continue;
            if (Peek().Kind != TokenKind.CloseParen)
            {
                Error(Peek(), $"Expected ',' or ')' in the arguments of {name}, found {DescribeFound(Peek())}");
                if (_i == before) break;
                SkipTo(TokenKind.CloseParen);
            }
        }
        _newlinesIgnored--;
        int end = Peek().End;
        if (!Expect(TokenKind.CloseParen, $"to close the call to {name}")) end = PreviousEnd;
        return new FunctionCallExpression(name, new SourceSpan(first.Start, nameEnd), args, expand, new SourceSpan(first.Start, Math.Max(end, nameEnd)));
    }

    /// <summary>Skips balanced tokens until <paramref name="closer"/> at this level (not consumed), or a line break at body level.</summary>
    private void SkipTo(TokenKind closer)
    {
        int depth = 0;
        while (true)
        {
            var t = _tokens[_i];
            if (t.Kind == TokenKind.EndOfFile) return;
            if (depth == 0 && (t.Kind == closer || t.Kind == TokenKind.CloseBrace)) return;
            if (t.Kind is TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.OpenParen or TokenKind.TemplateInterpolation or TokenKind.TemplateControl)
                depth++;
            else if (t.Kind is TokenKind.CloseBracket or TokenKind.CloseParen or TokenKind.CloseBrace or TokenKind.TemplateSequenceEnd)
            {
                if (depth == 0) return;
                depth--;
            }
            _i++;
        }
    }

    private bool StartsFor()
    {
        var t = Peek();
        if (!IsKeyword(t, "for")) return false;
        int j = _i + 1;
        while (_tokens[j].Kind == TokenKind.Newline) j++;
        return _tokens[j].Kind == TokenKind.Identifier;
    }

    private HclExpression ParseTuple()
    {
        var open = Next();
        _newlinesIgnored++;
        if (StartsFor())
        {
            var result = ParseFor(open, TokenKind.CloseBracket);
            _newlinesIgnored--;
            return result;
        }
        var items = new List<HclExpression>();
        while (true)
        {
            var t = Peek();
            if (t.Kind is TokenKind.CloseBracket or TokenKind.EndOfFile) break;
            int before = _i;
            items.Add(ParseExpression());
            if (Accept(TokenKind.Comma)) continue;
            if (Peek().Kind != TokenKind.CloseBracket)
            {
                Error(Peek(), $"Expected ',' or ']' in the list, found {DescribeFound(Peek())}");
                if (_i == before) break;
                SkipTo(TokenKind.CloseBracket);
            }
        }
        _newlinesIgnored--;
        int end = Peek().End;
        if (!Expect(TokenKind.CloseBracket, "to close the list")) end = PreviousEnd;
        return new TupleExpression(items, new SourceSpan(open.Start, Math.Max(end, open.End)));
    }

    private HclExpression ParseObject()
    {
        var open = Next();
        _newlinesIgnored++;
        if (StartsFor())
        {
            var result = ParseFor(open, TokenKind.CloseBrace);
            _newlinesIgnored--;
            return result;
        }
        var items = new List<ObjectItem>();
        while (true)
        {
            var t = Peek();
            if (t.Kind is TokenKind.CloseBrace or TokenKind.EndOfFile) break;
            int before = _i;
            var key = ParseExpression();
            if (!Accept(TokenKind.Equals) && !Accept(TokenKind.Colon))
            {
                Error(Peek(), $"Expected '=' or ':' after the object key, found {DescribeFound(Peek())}");
                if (_i == before) _i++;
                SkipObjectItem();
                continue;
            }
            var value = ParseExpression();
            items.Add(new ObjectItem(key, value));
            Accept(TokenKind.Comma);
        }
        _newlinesIgnored--;
        int end = Peek().End;
        if (!Expect(TokenKind.CloseBrace, "to close the object")) end = PreviousEnd;
        return new ObjectExpression(items, new SourceSpan(open.Start, Math.Max(end, open.End)));
    }

    /// <summary>Skips the rest of a broken object item: to its line break, comma or the closing brace.</summary>
    private void SkipObjectItem()
    {
        int depth = 0;
        while (true)
        {
            var t = _tokens[_i];
            if (t.Kind == TokenKind.EndOfFile) return;
            if (depth == 0 && t.Kind is TokenKind.Newline or TokenKind.Comma) { _i++; return; }
            if (depth == 0 && t.Kind is TokenKind.CloseBrace) return;
            if (t.Kind is TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.OpenParen) depth++;
            else if (t.Kind is TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen) depth--;
            _i++;
        }
    }

    /// <summary>The <c>key, value in collection</c> part shared by for expressions and <c>%{for}</c> directives.</summary>
    private (string? Key, string Value, HclExpression Collection) ParseForHead(string construct)
    {
        string? keyName = null;
        var first = Peek();
        string valueName = first.Kind == TokenKind.Identifier ? TextOf(first) : "";
        Expect(TokenKind.Identifier, "after 'for'");
        if (Accept(TokenKind.Comma))
        {
            keyName = valueName;
            var second = Peek();
            valueName = second.Kind == TokenKind.Identifier ? TextOf(second) : "";
            Expect(TokenKind.Identifier, $"after ',' in the {construct}");
        }
        if (IsKeyword(Peek(), "in")) _i++;
        else Error(Peek(), $"Expected 'in' in the {construct}, found {DescribeFound(Peek())}");
        return (keyName, valueName, ParseExpression());
    }

    private HclExpression ParseFor(Token open, TokenKind closer)
    {
        _i = NextNonNewline(_i) + 1; // "for"
        var (keyName, valueName, collection) = ParseForHead("for expression");
        Expect(TokenKind.Colon, "after the collection of the for expression");
        HclExpression? keyExpr = null;
        if (closer == TokenKind.CloseBrace)
        {
            keyExpr = ParseExpression();
            Expect(TokenKind.FatArrow, "after the key of the for expression");
        }
        var valueExpr = ParseExpression();
        bool grouping = closer == TokenKind.CloseBrace && Accept(TokenKind.Ellipsis);
        HclExpression? condition = null;
        if (IsKeyword(Peek(), "if"))
        {
            _i++;
            condition = ParseExpression();
        }
        int end = Peek().End;
        if (Peek().Kind != closer)
        {
            Error(Peek(), $"Expected {Describe(closer)} to close the for expression, found {DescribeFound(Peek())}");
            SkipTo(closer);
        }
        if (Peek().Kind == closer) { end = Peek().End; _i++; }
        else end = PreviousEnd;
        return new ForExpression(keyName, valueName, collection, keyExpr, valueExpr, condition, grouping, new SourceSpan(open.Start, Math.Max(end, open.End)));
    }

    private int NextNonNewline(int j)
    {
        while (_tokens[j].Kind == TokenKind.Newline) j++;
        return j;
    }
}
