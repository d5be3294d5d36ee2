namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>The kinds of HCL native-syntax tokens, after hclsyntax's scanner: templates are split into literal and sequence tokens.</summary>
public enum TokenKind : byte
{
    EndOfFile,
    Newline,
    Identifier,
    Number,
    OpenQuote,
    CloseQuote,
    OpenHeredoc,
    CloseHeredoc,
    /// <summary>Literal text of a quoted template, escapes not yet decoded.</summary>
    QuotedLiteral,
    /// <summary>Literal text of a heredoc template (no backslash escapes there).</summary>
    HeredocLiteral,
    /// <summary><c>${</c>, optionally with a <c>~</c> strip marker.</summary>
    TemplateInterpolation,
    /// <summary><c>%{</c>, optionally with a <c>~</c> strip marker.</summary>
    TemplateControl,
    /// <summary>The <c>}</c> (or <c>~}</c>) closing a template sequence.</summary>
    TemplateSequenceEnd,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Comma,
    Dot,
    Ellipsis,
    Equals,
    Colon,
    DoubleColon,
    Question,
    FatArrow,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    And,
    Or,
    Bang,
    EqualEqual,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Invalid,
}
