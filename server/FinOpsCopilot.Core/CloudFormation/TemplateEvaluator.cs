using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.CloudFormation;

/// <summary>
/// Turns template nodes into <see cref="IacValue"/>s, resolving what can be known without deploying:
/// parameter defaults, mappings, <c>Fn::Sub</c>, <c>Fn::Join</c>, <c>Fn::Select</c>, <c>Fn::Split</c>.
/// Everything else (attributes, imports, conditions, pseudo parameters) is an <see cref="UnknownValue"/> with its reason.
/// </summary>
internal sealed partial class TemplateEvaluator(SourceText text, TemplateMapping? root, List<SourceDiagnostic> diagnostics)
{
    private readonly TemplateMapping? _parameters = root?["Parameters"] as TemplateMapping;
    private readonly TemplateMapping? _mappings = root?["Mappings"] as TemplateMapping;
    private readonly TemplateMapping? _resources = root?["Resources"] as TemplateMapping;
    private readonly HashSet<int> _reportedTags = [];

    /// <summary>Stands for <c>AWS::NoValue</c>: the enclosing property or list item is removed.</summary>
    private sealed class NoValue(SourceRange range) : IacValue(range);

    /// <summary>The value of <paramref name="node"/>; null when it is <c>AWS::NoValue</c> (the property is absent).</summary>
    public IacValue? Evaluate(TemplateNode node) => Eval(node, 0, ignoreTag: false) is var v && v is NoValue ? null : v;

    private SourceRange R(TemplateNode node) => text.RangeOf(node.Span);

    private IacValue Eval(TemplateNode node, int depth, bool ignoreTag)
    {
        if (depth > ReaderLimits.MaxDepth) return new UnknownValue("nested too deeply to analyse", R(node));
        if (node.Tag == YamlTemplateReader.ElidedTag) return new UnknownValue("not read (see the parse error)", R(node));

        if (!ignoreTag && node.Tag is { } tag)
        {
            if (Intrinsics.LongFormOfTag(tag) is { } fn) return Call(fn, node, shortForm: true, depth);
            if (!tag.StartsWith("!!", StringComparison.Ordinal) && _reportedTags.Add(node.Span.Start))
                diagnostics.Add(new SourceDiagnostic(RuleCodes.NotAnalysed, $"The YAML tag '{tag}' is not a CloudFormation intrinsic function; its value is not analysed", R(node)));
            return new UnknownValue($"custom tag {tag}", R(node));
        }

        switch (node)
        {
            case TemplateScalar s:
                return Scalar(s);
            case TemplateSequence seq:
            {
                var items = new List<IacValue>(seq.Items.Count);
                foreach (var item in seq.Items)
                {
                    var v = Eval(item, depth + 1, false);
                    if (v is not NoValue) items.Add(v);
                }
                return new ListValue(items, R(seq));
            }
            case TemplateMapping map:
            {
                if (Intrinsics.TryGetLongForm(map, out var name, out _)) return Call(name, map, shortForm: false, depth);
                var entries = new List<MapEntry>(map.Entries.Count);
                foreach (var e in map.Entries)
                {
                    var v = Eval(e.Value, depth + 1, false);
                    if (v is not NoValue) entries.Add(new MapEntry(e.Key.Value, R(e.Key), v));
                }
                return new MapValue(entries, R(map));
            }
        }
        return new UnknownValue("unreadable value", R(node));
    }

    private IacValue Scalar(TemplateScalar s)
    {
        var range = R(s);
        if (s.Style == ScalarStyle.Quoted) return new StringValue(s.Value, range);
        var v = s.Value;
        switch (v)
        {
            case "" or "~" or "null" or "Null" or "NULL": return new NullValue(range);
            case "true" or "True" or "TRUE": return new BoolValue(true, range);
            case "false" or "False" or "FALSE": return new BoolValue(false, range);
        }
        if (NumberPattern().IsMatch(v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return new NumberValue(d, v, range);
        return new StringValue(v, range);
    }

    /// <summary>Evaluates an intrinsic. For the short form the argument is the tagged node itself, read without its tag.</summary>
    private IacValue Call(string fn, TemplateNode node, bool shortForm, int depth)
    {
        var range = R(node);
        TemplateNode arg = shortForm ? node : ((TemplateMapping)node).Entries[0].Value;
        IacValue Arg() => Eval(arg, depth + 1, ignoreTag: shortForm);
        switch (fn)
        {
            case "Ref":
                return arg is TemplateScalar r ? Ref(r.Value, range, depth) : new UnknownValue("Ref with a non-name argument", range);
            case "Fn::Sub":
                return Sub(Arg(), range, depth);
            case "Fn::Join":
            {
                if (Arg() is ListValue { Items.Count: 2 } a && a.Items[0].AsString() is { } delimiter)
                {
                    var parts = Flatten(a.Items[1]);
                    if (parts is null) return new UnknownValue("Fn::Join of a value that is not a list", range);
                    var unknown = parts.OfType<UnknownValue>().FirstOrDefault();
                    if (unknown is not null) return new UnknownValue($"Fn::Join over {unknown.Reason}", range);
                    var strings = parts.Select(p => p.AsString()).ToList();
                    if (strings.Any(p => p is null)) return new UnknownValue("Fn::Join of a non-scalar value", range);
                    return new StringValue(string.Join(delimiter, strings), range);
                }
                return new UnknownValue("Fn::Join with unexpected arguments", range);
            }
            case "Fn::Select":
            {
                if (Arg() is ListValue { Items.Count: 2 } a && int.TryParse(a.Items[0].AsString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
                {
                    if (Flatten(a.Items[1]) is { } list && index >= 0 && index < list.Count) return Relocate(list[index], range);
                    if (a.Items[1] is UnknownValue u) return new UnknownValue($"Fn::Select from {u.Reason}", range);
                }
                return new UnknownValue("Fn::Select with arguments known only at deploy time", range);
            }
            case "Fn::Split":
            {
                if (Arg() is ListValue { Items.Count: 2 } a && a.Items[0].AsString() is { Length: > 0 } delimiter && a.Items[1].AsString() is { } source)
                    return new ListValue(source.Split(delimiter).Select(p => (IacValue)new StringValue(p, range)).ToList(), range);
                return new UnknownValue("Fn::Split of a value known only at deploy time", range);
            }
            case "Fn::FindInMap":
                return FindInMap(Arg(), range);
            case "Fn::If":
            {
                if (Arg() is ListValue { Items.Count: 3 } a)
                {
                    var condition = a.Items[0].AsString() ?? "?";
                    if (a.Items[1] is NoValue || a.Items[2] is NoValue)
                        return new UnknownValue($"present only when condition '{condition}' holds", range);
                    if (a.Items[1].AsString() is { } x && x == a.Items[2].AsString()) return Relocate(a.Items[1], range);
                    return new UnknownValue($"depends on condition '{condition}'", range);
                }
                return new UnknownValue("Fn::If with unexpected arguments", range);
            }
            case "Fn::Base64":
                return Arg().AsString() is { } plain
                    ? new StringValue(Convert.ToBase64String(Encoding.UTF8.GetBytes(plain)), range)
                    : new UnknownValue("Fn::Base64 of a value known only at deploy time", range);
            case "Fn::GetAtt":
            {
                var target = arg is TemplateScalar ga ? ga.Value : string.Join('.', Flatten(Arg())?.Select(v => v.AsString() ?? "?") ?? []);
                return new UnknownValue($"Fn::GetAtt {target}", range);
            }
            case "Fn::ImportValue":
                return new UnknownValue($"Fn::ImportValue {Arg().AsString() ?? "(computed name)"}", range);
            default:
                if (fn.StartsWith("Fn::ForEach", StringComparison.Ordinal))
                    return new UnknownValue("Fn::ForEach (language extensions) is not analysed", range);
                return new UnknownValue($"{fn} is evaluated only at deploy time", range);
        }
    }

    private IacValue Ref(string name, SourceRange range, int depth)
    {
        if (name == "AWS::NoValue") return new NoValue(range);
        if (name.StartsWith("AWS::", StringComparison.Ordinal)) return new UnknownValue($"pseudo parameter {name}", range);
        if (_parameters?[name] is TemplateMapping parameter)
        {
            var type = (parameter["Type"] as TemplateScalar)?.Value ?? "String";
            if (type.StartsWith("AWS::SSM::Parameter::Value", StringComparison.Ordinal))
                return new UnknownValue($"parameter {name} is read from SSM at deploy time", range);
            if (parameter["Default"] is not { } def) return new UnknownValue($"parameter {name} has no default", range);
            var value = Eval(def, depth + 1, false);
            if (type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal))
            {
                if (value.AsString() is { } csv)
                    return new ListValue(csv.Split(',').Select(p => (IacValue)new StringValue(p.Trim(), range)).ToList(), range);
            }
            return Relocate(value, range);
        }
        if (_resources?.Find(name) is not null) return new UnknownValue($"Ref to resource {name}", range);
        return new UnknownValue($"Ref to undefined name {name}", range);
    }

    private IacValue Sub(IacValue argument, SourceRange range, int depth)
    {
        string? template;
        MapValue? variables = null;
        if (argument is ListValue { Items.Count: 2 } list)
        {
            template = list.Items[0].AsString();
            variables = list.Items[1] as MapValue;
        }
        else template = argument.AsString();
        if (template is null) return new UnknownValue("Fn::Sub of a value known only at deploy time", range);

        var sb = new StringBuilder(template.Length);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            sb.Append(template, i, open - i);
            int close = template.IndexOf('}', open + 2);
            if (close < 0) { sb.Append(template, open, template.Length - open); break; }
            var name = template[(open + 2)..close];
            i = close + 1;
            if (name.StartsWith('!')) { sb.Append("${").Append(name, 1, name.Length - 1).Append('}'); continue; }
            IacValue value = variables?[name.Trim()] ?? (name.Contains('.') ? new UnknownValue($"Fn::GetAtt {name}", range) : Ref(name.Trim(), range, depth));
            if (value.AsString() is { } s) sb.Append(s);
            else return new UnknownValue(value is UnknownValue u ? $"Fn::Sub uses {u.Reason}" : $"Fn::Sub uses ${{{name}}}", range);
        }
        return new StringValue(sb.ToString(), range);
    }

    private IacValue FindInMap(IacValue argument, SourceRange range)
    {
        if (argument is ListValue { Items.Count: >= 3 } a)
        {
            var keys = a.Items.Take(3).Select(v => v.AsString()).ToArray();
            if (keys.All(k => k is not null))
            {
                if ((_mappings?[keys[0]!] as TemplateMapping)?[keys[1]!] is TemplateMapping second && second[keys[2]!] is { } found)
                    return Relocate(Eval(found, 1, false), range);
                if (a.Items.Count == 4 && a.Items[3] is MapValue options && options["DefaultValue"] is { } fallback) return Relocate(fallback, range);
                return new UnknownValue($"Fn::FindInMap {string.Join('/', keys)} is not in Mappings", range);
            }
            var unknown = a.Items.OfType<UnknownValue>().FirstOrDefault();
            return new UnknownValue($"Fn::FindInMap key {unknown?.Reason ?? "known only at deploy time"}", range);
        }
        return new UnknownValue("Fn::FindInMap with unexpected arguments", range);
    }

    private static List<IacValue>? Flatten(IacValue value) => value is ListValue l ? l.Items.ToList() : null;

    /// <summary>A value resolved from elsewhere (a parameter default, a mapping) is reported where it is used.</summary>
    private static IacValue Relocate(IacValue value, SourceRange range) => value switch
    {
        StringValue s => new StringValue(s.Value, range),
        NumberValue n => new NumberValue(n.Value, n.Text, range),
        BoolValue b => new BoolValue(b.Value, range),
        UnknownValue u => new UnknownValue(u.Reason, range),
        _ => value,
    };

    [GeneratedRegex(@"^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$")]
    private static partial Regex NumberPattern();
}
