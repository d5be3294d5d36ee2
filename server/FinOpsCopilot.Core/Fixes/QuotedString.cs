using System.Text;

namespace FinOpsCopilot.Core.Fixes;

/// <summary>
/// A double-quoted string literal as YAML, HCL and C# all read it: backslash escapes for quotes, backslashes and
/// control characters (<c>\uXXXX</c>). HCL also needs its template openers doubled (<c>$${</c>, <c>%%{</c>).
/// </summary>
public static class QuotedString
{
    public static string Of(string value, bool escapeTemplates = false)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '$' or '%' when escapeTemplates && i + 1 < value.Length && value[i + 1] == '{': sb.Append(c).Append(c); break;
                default:
                    if (c < 0x20) sb.Append($"\\u{(int)c:x4}"); else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
