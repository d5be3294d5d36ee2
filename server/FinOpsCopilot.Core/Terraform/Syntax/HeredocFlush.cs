namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>
/// The <c>&lt;&lt;-EOT</c> form: removes from every line the indentation all its non-blank lines share,
/// as Terraform does. Lines are the literal parts that start a line (the lexer ends a literal at each line break).
/// </summary>
internal static class HeredocFlush
{
    public static void Apply(List<TemplatePart> parts)
    {
        int min = int.MaxValue;
        bool atLineStart = true;
        foreach (var part in parts)
        {
            if (part is LiteralPart lit)
            {
                if (atLineStart && !IsBlankLine(lit.Text)) min = Math.Min(min, Indentation(lit.Text));
                atLineStart = lit.Text.EndsWith('\n');
            }
            else
            {
                if (atLineStart) min = 0;
                atLineStart = false;
            }
        }
        if (min is 0 or int.MaxValue) return;
        atLineStart = true;
        foreach (var part in parts)
        {
            if (part is LiteralPart lit)
            {
                if (atLineStart) lit.Text = lit.Text[Math.Min(min, Indentation(lit.Text))..];
                atLineStart = lit.Text.EndsWith('\n');
            }
            else atLineStart = false;
        }
    }

    private static int Indentation(string line)
    {
        int i = 0;
        // Any Unicode space counts, as in hclsyntax; a tab counts as one.
        while (i < line.Length && line[i] is not ('\n' or '\r') && char.IsWhiteSpace(line[i])) i++;
        return i;
    }

    private static bool IsBlankLine(string text) => text.AsSpan().Trim(" \t\r\n").IsEmpty && text.EndsWith('\n');
}
