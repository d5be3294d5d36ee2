using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.Core.Terraform.Evaluation;

/// <summary>
/// Names bound around an expression: <c>count</c>, <c>each</c>, a dynamic block's iterator, for-expression
/// symbols. Immutable and linked, so nested scopes cost one small object each.
/// </summary>
internal sealed class EvalScope
{
    public static readonly EvalScope Empty = new(null, "", null!);

    private readonly EvalScope? _parent;
    private readonly string _name;
    private readonly IacValue _value;

    private EvalScope(EvalScope? parent, string name, IacValue value)
    {
        _parent = parent;
        _name = name;
        _value = value;
    }

    public EvalScope With(string name, IacValue value) => new(this, name, value);

    public IacValue? Find(string name)
    {
        for (var s = this; s is not null && s._parent is not null; s = s._parent)
            if (s._name == name) return s._value;
        return null;
    }
}
