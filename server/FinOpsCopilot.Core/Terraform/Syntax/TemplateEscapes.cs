using System.Globalization;
using System.Text;

namespace FinOpsCopilot.Core.Terraform.Syntax;

/// <summary>Decodes template literal text: <c>\n \r \t \" \\ \uXXXX \UXXXXXXXX</c> (quoted strings only) and <c>$${</c>, <c>%%{</c>.</summary>
public static class TemplateEscapes
{
    /// <summary>The decoded text of source[start, end); <paramref name="badEscape"/> is the offset of the first invalid escape, or -1.</summary>
    public static string Decode(string source, int start, int end, bool backslashes, out int badEscape)
    {
        badEscape = -1;
        var span = source.AsSpan(start, end - start);
        if ((!backslashes || span.IndexOf('\\') < 0) && span.IndexOf("${", StringComparison.Ordinal) < 0 && span.IndexOf("%{", StringComparison.Ordinal) < 0)
            return span.ToString();
        var sb = new StringBuilder(span.Length);
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            if ((c == '$' || c == '%') && i + 2 < span.Length && span[i + 1] == c && span[i + 2] == '{')
            {
                sb.Append(c).Append('{');
                i += 2;
                continue;
            }
            if (c != '\\' || !backslashes || i + 1 >= span.Length)
            {
                sb.Append(c);
                continue;
            }
            char e = span[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break; // JSON
                case 'b': sb.Append('\b'); break; // JSON
                case 'f': sb.Append('\f'); break; // JSON
                case 'u' or 'U':
                {
                    int digits = e == 'u' ? 4 : 8;
                    if (span.Length - i - 1 >= digits
                        && int.TryParse(span.Slice(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
                        && code is >= 0 and <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
                    {
                        sb.Append(char.ConvertFromUtf32(code));
                        i += digits;
                    }
                    else
                    {
                        if (badEscape < 0) badEscape = start + i - 1;
                        sb.Append('\\').Append(e);
                    }
                    break;
                }
                default:
                    if (badEscape < 0) badEscape = start + i - 1;
                    sb.Append('\\').Append(e);
                    break;
            }
        }
        return sb.ToString();
    }
}
