using System.Globalization;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// Reads the CDK value types props are written with (<c>InstanceType</c>, <c>Duration</c>, <c>Size</c>, <c>RetentionDays</c>,
/// engines, enum members) as the CloudFormation values they synthesize to, placed where they are written.
/// </summary>
internal sealed class CdkValueReader(ExpressionEvaluator evaluator)
{
    /// <summary>
    /// An instance type (<c>InstanceType.Of(…)</c>, <c>new InstanceType("m5.large")</c>, a string, or a local, field or
    /// parameter holding one), with an RDS <c>db.</c> prefix when asked.
    /// </summary>
    public IacValue? InstanceType((ExpressionSyntax Value, CSharpSource Source)? written, string prefix)
    {
        if (written is not { } w) return null;
        var value = evaluator.Evaluate(w.Value, w.Source);
        return value.AsString() is { } s ? new StringValue(s.StartsWith(prefix, StringComparison.Ordinal) ? s : prefix + s, value.Range) : value;
    }

    /// <summary><c>Duration.Days(7)</c> → 7, <c>Duration.Minutes(1)</c> → 60 (seconds), <c>Size.Gibibytes(20)</c> → 20: the unit CloudFormation uses.</summary>
    public IacValue? Quantity((ExpressionSyntax Value, CSharpSource Source)? written)
    {
        if (written is not { } w) return null;
        var range = w.Source.Range(w.Value);
        var (e, source) = Follow(w.Value, w.Source);
        if (e is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var unit }, ArgumentList.Arguments: [var arg] })
        {
            double? factor = unit switch
            {
                "Seconds" or "Days" or "Gibibytes" => 1,
                "Minutes" => 60,
                "Hours" => 3600,
                "Tebibytes" => 1024,
                _ => null,
            };
            if (factor is { } f && evaluator.Evaluate(arg.Expression, source) is NumberValue n)
            {
                var total = n.Value * f;
                return new NumberValue(total, total.ToString(CultureInfo.InvariantCulture), range);
            }
            return new UnknownValue($"'{w.Value}' is not a quantity the analysis can read", range);
        }
        return evaluator.Evaluate(w.Value, w.Source);
    }

    public IacValue? Retention((ExpressionSyntax Value, CSharpSource Source)? written)
    {
        if (written is not { } w) return null;
        var range = w.Source.Range(w.Value);
        if (ExpressionEvaluator.EnumMember(Follow(w.Value, w.Source).Item1) is { } m)
        {
            var days = CdkEnums.Retention(m, out var known);
            if (known) return days is { } d ? new NumberValue(d, d.ToString(CultureInfo.InvariantCulture), range) : new NullValue(range);
        }
        return new UnknownValue($"'{w.Value}' is not a retention the analysis knows", range);
    }

    public IacValue? Engine((ExpressionSyntax Value, CSharpSource Source)? written)
    {
        if (written is not { } w) return null;
        var range = w.Source.Range(w.Value);
        var (e, _) = Follow(w.Value, w.Source);
        var name = e switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m } => m.Name.Identifier.ValueText,
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            _ => null,
        };
        var engine = name?.ToUpperInvariant() switch
        {
            "POSTGRES" => "postgres",
            "MYSQL" => "mysql",
            "MARIADB" => "mariadb",
            "AURORAPOSTGRES" or "AURORA_POSTGRESQL" => "aurora-postgresql",
            "AURORAMYSQL" or "AURORA_MYSQL" => "aurora-mysql",
            "AURORA" => "aurora",
            "SQLSERVEREX" or "SQL_SERVER_EX" => "sqlserver-ex",
            "SQLSERVERWEB" or "SQL_SERVER_WEB" => "sqlserver-web",
            "SQLSERVERSE" or "SQL_SERVER_SE" => "sqlserver-se",
            "SQLSERVEREE" or "SQL_SERVER_EE" => "sqlserver-ee",
            "ORACLESE2" or "ORACLE_SE2" => "oracle-se2",
            "ORACLEEE" or "ORACLE_EE" => "oracle-ee",
            _ => null,
        };
        return engine is null ? new UnknownValue($"'{w.Value}' is not an engine the analysis knows", range) : new StringValue(engine, range);
    }

    public IacValue? EnumLower((ExpressionSyntax Value, CSharpSource Source)? written) => Member(written, CdkEnums.Lower);

    /// <summary>An enum-like member (<c>X.MEMBER</c>) mapped to its CloudFormation text; anything else evaluated as a value.</summary>
    public IacValue? Member((ExpressionSyntax Value, CSharpSource Source)? written, Func<string, string> map)
    {
        if (written is not { } w) return null;
        var range = w.Source.Range(w.Value);
        return ExpressionEvaluator.EnumMember(Follow(w.Value, w.Source).Item1) is { } m ? new StringValue(map(m), range) : evaluator.Evaluate(w.Value, w.Source);
    }

    /// <summary>Follows locals, fields, parameters and <c>props.X</c> to the expression that defines them.</summary>
    public (ExpressionSyntax, CSharpSource) Follow(ExpressionSyntax e, CSharpSource source)
    {
        for (int hop = 0; hop < 8 && evaluator.Step(e, source) is { } next; hop++) (e, source) = next;
        return (e, source);
    }
}
