using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

internal static partial class TerraformFunctions
{
    private static IacValue StringFunction(List<IacValue> args, SourceRange range, Func<string, string> f) =>
        args is [var a] && Values.AsText(a) is { } s ? new StringValue(f(s), range) : Values.Error("the function takes one string", range);

    private static IacValue StringPair(List<IacValue> args, SourceRange range, Func<string, string, string> f) =>
        args is [var a, var b] && Values.AsText(a) is { } s && Values.AsText(b) is { } t
            ? new StringValue(f(s, t), range) : Values.Error("the function takes two strings", range);

    private static IacValue StringTest(List<IacValue> args, SourceRange range, Func<string, string, bool> f) =>
        args is [var a, var b] && Values.AsText(a) is { } s && Values.AsText(b) is { } t
            ? new BoolValue(f(s, t), range) : Values.Error("the function takes two strings", range);

    private static string Title(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (i == 0 || !char.IsLetter(chars[i - 1])) chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }

    private static IacValue ToStringValue(List<IacValue> args, SourceRange range) => args switch
    {
        [NullValue n] => n,
        [var a] when Values.AsText(a) is { } s => new StringValue(s, range),
        _ => Values.Error("tostring() takes a string, number or bool", range),
    };

    private static IacValue ToNumber(List<IacValue> args, SourceRange range) => args switch
    {
        [NullValue n] => n,
        [var a] when Values.TryNumber(a, out var d) => Values.Number(d, range),
        _ => Values.Error("tonumber() cannot convert the value", range),
    };

    private static IacValue ToBool(List<IacValue> args, SourceRange range) => args switch
    {
        [NullValue n] => n,
        [var a] when Values.AsBool(a) is { } b => new BoolValue(b, range),
        _ => Values.Error("tobool() cannot convert the value", range),
    };

    private static IacValue Join(List<IacValue> args, SourceRange range)
    {
        if (args.Count < 2 || Values.AsText(args[0]) is not { } separator) return Values.Error("join() takes a separator and lists", range);
        var sb = new StringBuilder();
        bool first = true;
        for (int i = 1; i < args.Count; i++)
        {
            if (args[i] is not ListValue list) return Values.Error("join() takes lists of strings", range);
            foreach (var item in list.Items)
            {
                if (item is UnknownValue u) return Values.Rewrap(u, range);
                if (Values.AsText(item) is not { } s) return Values.Error("join() takes lists of strings", range);
                if (!first) sb.Append(separator);
                sb.Append(s);
                first = false;
            }
        }
        return new StringValue(sb.ToString(), range);
    }

    private static IacValue Split(List<IacValue> args, SourceRange range)
    {
        if (args is not [var a, var b] || Values.AsText(a) is not { } separator || Values.AsText(b) is not { } s)
            return Values.Error("split() takes a separator and a string", range);
        var parts = separator.Length == 0 ? s.Select(c => c.ToString()).ToArray() : s.Split(separator);
        var items = new List<IacValue>(parts.Length);
        foreach (var p in parts) items.Add(new StringValue(p, range));
        return new ListValue(items, range);
    }

    private static IacValue Replace(List<IacValue> args, SourceRange range)
    {
        if (args is not [var a, var b, var c] || Values.AsText(a) is not { } s || Values.AsText(b) is not { } search || Values.AsText(c) is not { } replacement)
            return Values.Error("replace() takes three strings", range);
        if (search.Length > 1 && search[0] == '/' && search[^1] == '/')
        {
            try
            {
                // RE2 and .NET agree on the common syntax; "$1" references work in both.
                var regex = new Regex(search[1..^1], RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                return new StringValue(regex.Replace(s, replacement), range);
            }
            catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
            {
                return Values.Error("replace() has an invalid or too costly pattern", range);
            }
        }
        return new StringValue(search.Length == 0 ? s : s.Replace(search, replacement, StringComparison.Ordinal), range);
    }

    private static IacValue Substr(List<IacValue> args, SourceRange range)
    {
        if (args is not [var a, var b, var c] || Values.AsText(a) is not { } s || !Values.TryNumber(b, out var offset) || !Values.TryNumber(c, out var length))
            return Values.Error("substr() takes a string, an offset and a length", range);
        int start = offset < 0 ? Math.Max(0, s.Length + (int)offset) : Math.Min(s.Length, (int)offset);
        int count = length < 0 ? s.Length - start : Math.Min((int)length, s.Length - start);
        return new StringValue(s.Substring(start, Math.Max(0, count)), range);
    }

    /// <summary><c>format</c>: the verbs <c>%s %d %f %t %v %q %%</c> with optional flags, width and precision.</summary>
    private static IacValue Format(List<IacValue> args, SourceRange range)
    {
        if (args.Count == 0 || Values.AsText(args[0]) is not { } spec) return Values.Error("format() takes a format string", range);
        var sb = new StringBuilder();
        int next = 1;
        for (int i = 0; i < spec.Length; i++)
        {
            char c = spec[i];
            if (c != '%') { sb.Append(c); continue; }
            if (i + 1 < spec.Length && spec[i + 1] == '%') { sb.Append('%'); i++; continue; }
            int j = i + 1;
            bool left = false, zeros = false;
            while (j < spec.Length && spec[j] is '-' or '+' or ' ' or '#' or '0')
            {
                if (spec[j] == '-') left = true;
                if (spec[j] == '0') zeros = true;
                j++;
            }
            int width = 0;
            while (j < spec.Length && char.IsAsciiDigit(spec[j])) width = width * 10 + (spec[j++] - '0');
            int precision = -1;
            if (j < spec.Length && spec[j] == '.')
            {
                j++;
                precision = 0;
                while (j < spec.Length && char.IsAsciiDigit(spec[j])) precision = precision * 10 + (spec[j++] - '0');
            }
            if (j >= spec.Length) return Values.Error("format() has an unfinished verb", range);
            if (next >= args.Count) return Values.Error("format() has too few arguments", range);
            var arg = args[next++];
            string? text = spec[j] switch
            {
                's' or 'v' => Values.AsText(arg) ?? (arg is NullValue ? "null" : null),
                'd' => Values.TryNumber(arg, out var d) ? ((long)d).ToString(CultureInfo.InvariantCulture) : null,
                'f' => Values.TryNumber(arg, out var f) ? f.ToString("F" + (precision < 0 ? 6 : precision), CultureInfo.InvariantCulture) : null,
                't' => Values.AsBool(arg) is { } b ? (b ? "true" : "false") : null,
                'q' => Values.AsText(arg) is { } q ? JsonString(q) : null,
                _ => null,
            };
            if (text is null) return Values.Error($"format() cannot format the argument with %{spec[j]}", range);
            sb.Append(left ? text.PadRight(width) : zeros && spec[j] is 'd' or 'f' ? ZeroPad(text, width) : text.PadLeft(width));
            i = j;
        }
        return new StringValue(sb.ToString(), range);
    }

    private static string ZeroPad(string number, int width) =>
        number.StartsWith('-') ? "-" + number[1..].PadLeft(width - 1, '0') : number.PadLeft(width, '0');

    // ---- numbers ----

    private static IacValue NumberFunction(List<IacValue> args, SourceRange range, Func<double, double> f) =>
        args is [var a] && Values.TryNumber(a, out var d) ? Values.Number(f(d), range) : Values.Error("the function takes one number", range);

    private static IacValue NumberFold(List<IacValue> args, SourceRange range, Func<double, double, double> f)
    {
        if (args.Count == 0) return Values.Error("the function takes at least one number", range);
        double result = 0;
        for (int i = 0; i < args.Count; i++)
        {
            if (!Values.TryNumber(args[i], out var d)) return Values.Error("the function takes numbers", range);
            result = i == 0 ? d : f(result, d);
        }
        return Values.Number(result, range);
    }

    // ---- jsonencode ----

    private static IacValue JsonEncode(List<IacValue> args, SourceRange range)
    {
        if (args.Count != 1) return ArgumentCount("jsonencode", range);
        if (Values.FindUnknown(args[0]) is { } u) return Values.Rewrap(u, range);
        var sb = new StringBuilder();
        WriteJson(args[0], sb, 0);
        if (sb.Length > 1 << 20) return Values.Error("jsonencode() would build too long a string", range);
        return new StringValue(sb.ToString(), range);
    }

    private static void WriteJson(IacValue v, StringBuilder sb, int depth)
    {
        if (sb.Length > 1 << 20) return;
        switch (v)
        {
            case StringValue s: sb.Append(JsonString(s.Value)); break;
            case NumberValue n: sb.Append(n.Text); break;
            case BoolValue b: sb.Append(b.Value ? "true" : "false"); break;
            case ListValue l when depth < 64:
                sb.Append('[');
                for (int i = 0; i < l.Items.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    WriteJson(l.Items[i], sb, depth + 1);
                }
                sb.Append(']');
                break;
            case MapValue m when depth < 64:
                sb.Append('{');
                bool first = true;
                foreach (var e in Values.SortedEntries(m))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(JsonString(e.Key)).Append(':');
                    WriteJson(e.Value, sb, depth + 1);
                }
                sb.Append('}');
                break;
            default: sb.Append("null"); break;
        }
    }

    private static string JsonString(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
