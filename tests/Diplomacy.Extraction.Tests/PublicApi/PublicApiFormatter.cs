using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Diplomacy.Extraction.Tests.PublicApi;

/// <summary>
/// Lists every public type and member signature of an assembly, one per line, sorted, in a C#-like notation
/// with nullable annotations: the text compared with <c>PublicApi.approved.txt</c>.
/// </summary>
internal static class PublicApiFormatter
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(char)] = "char", [typeof(byte)] = "byte", [typeof(short)] = "short", [typeof(int)] = "int",
        [typeof(long)] = "long", [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
        [typeof(ushort)] = "ushort", [typeof(uint)] = "uint", [typeof(ulong)] = "ulong", [typeof(sbyte)] = "sbyte",
    };

    public static string Format(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var lines = new List<string>();
        foreach (Type type in assembly.GetExportedTypes())
        {
            string typeName = TypeName(type);
            lines.Add($"{typeName} : {TypeHeader(type)}");
            foreach (MemberInfo member in type.GetMembers(Declared))
            {
                if (Visible(member) && Describe(member, nullability) is { } signature)
                {
                    lines.Add($"{typeName} :: {signature}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("// Public API of ").Append(assembly.GetName().Name).Append('\n');
        foreach (string line in lines)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static bool Visible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || ((m.IsFamily || m.IsFamilyOrAssembly) && !m.DeclaringType!.IsSealed),
        FieldInfo f => f.IsPublic || ((f.IsFamily || f.IsFamilyOrAssembly) && !f.DeclaringType!.IsSealed),
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => Visible(a)),
        EventInfo e => e.AddMethod is { } add && Visible(add),
        _ => false, // nested types are listed on their own
    };

    private static string TypeHeader(Type type)
    {
        var sb = new StringBuilder("public ");
        if (type.IsEnum)
        {
            return sb.Append("enum : ").Append(Name(Enum.GetUnderlyingType(type), null)).ToString();
        }

        if (type.IsInterface)
        {
            sb.Append("interface");
        }
        else if (type.IsSubclassOf(typeof(Delegate)))
        {
            sb.Append("delegate");
        }
        else if (type.IsValueType)
        {
            sb.Append(type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly struct" : "struct");
        }
        else
        {
            sb.Append(type.IsAbstract && type.IsSealed ? "static class" : type.IsSealed ? "sealed class" : type.IsAbstract ? "abstract class" : "class");
        }

        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && !type.IsSubclassOf(typeof(Delegate)))
        {
            bases.Add(Name(b, null));
        }

        bases.AddRange(type.GetInterfaces().Select(i => Name(i, null)).Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            sb.Append(" : ").Append(string.Join(", ", bases));
        }

        return sb.ToString();
    }

    private static string? Describe(MemberInfo member, NullabilityInfoContext ctx)
    {
        switch (member)
        {
            case FieldInfo f when f.DeclaringType!.IsEnum:
                return f.IsStatic ? $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}" : null;
            case FieldInfo f:
                string kind = f.IsLiteral ? "const " : f.IsStatic ? (f.IsInitOnly ? "static readonly " : "static ") : (f.IsInitOnly ? "readonly " : string.Empty);
                string value = f.IsLiteral ? $" = {Literal(f.GetRawConstantValue())}" : string.Empty;
                return $"{Access(f.IsPublic)}{kind}{Name(f.FieldType, ctx.Create(f))} {f.Name}{value}";
            case PropertyInfo p:
                var accessors = new StringBuilder("{ ");
                MethodInfo? getter = p.GetMethod, setter = p.SetMethod;
                if (getter is not null && Visible(getter))
                {
                    accessors.Append(Access(getter.IsPublic)).Append("get; ");
                }

                if (setter is not null && Visible(setter))
                {
                    bool init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
                    accessors.Append(Access(setter.IsPublic)).Append(init ? "init; " : "set; ");
                }

                MethodInfo any = (getter ?? setter)!;
                string indexer = p.GetIndexParameters() is { Length: > 0 } ip ? $"this[{Parameters(ip, ctx)}]" : p.Name;
                string required = p.IsDefined(typeof(RequiredMemberAttribute)) ? "required " : string.Empty;
                return $"{Modifiers(any)}{required}{Name(p.PropertyType, ctx.Create(p))} {indexer} {accessors}}}";
            case EventInfo e:
                return $"{Modifiers(e.AddMethod!)}event {Name(e.EventHandlerType!, ctx.Create(e))} {e.Name}";
            case ConstructorInfo c:
                return $"{Access(c.IsPublic)}{(c.IsStatic ? "static " : string.Empty)}.ctor({Parameters(c.GetParameters(), ctx)})";
            case MethodInfo m when m.IsSpecialName && !m.Name.StartsWith("op_", StringComparison.Ordinal):
                return null; // accessors are shown with their property or event
            case MethodInfo m when m.Name.Contains('<', StringComparison.Ordinal):
                return null; // compiler-generated (e.g. a record's <Clone>$)
            case MethodInfo m:
                string generic = m.IsGenericMethodDefinition ? $"<{string.Join(", ", m.GetGenericArguments().Select(a => a.Name))}>" : string.Empty;
                string extension = m.IsDefined(typeof(ExtensionAttribute)) ? "this " : string.Empty;
                return $"{Modifiers(m)}{Name(m.ReturnType, ctx.Create(m.ReturnParameter))} {m.Name}{generic}({extension}{Parameters(m.GetParameters(), ctx)})";
            default:
                return null;
        }
    }

    private static string Access(bool isPublic) => isPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo m)
    {
        var sb = new StringBuilder(Access(m.IsPublic));
        if (m.IsStatic)
        {
            sb.Append("static ");
        }
        else if (m.IsAbstract)
        {
            sb.Append("abstract ");
        }
        else if (m.IsVirtual && !m.IsFinal)
        {
            sb.Append(m.GetBaseDefinition() != m ? "override " : "virtual ");
        }
        else if (m.IsVirtual && m.GetBaseDefinition().DeclaringType != m.DeclaringType)
        {
            sb.Append("override ");
        }

        return sb.ToString();
    }

    private static string Parameters(ParameterInfo[] parameters, NullabilityInfoContext ctx) =>
        string.Join(", ", parameters.Select(p =>
        {
            string prefix = p.ParameterType.IsByRef ? (p.IsOut ? "out " : p.IsIn ? "in " : "ref ") : p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty;
            Type plain = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            object? raw = p.HasDefaultValue && plain.IsEnum && p.RawDefaultValue is not null ? Enum.ToObject(plain, p.RawDefaultValue) : p.RawDefaultValue;
            string defaultValue = p.HasDefaultValue ? $" = {(raw is Enum e ? $"{plain.Name}.{e}" : Literal(raw))}" : string.Empty;
            return $"{prefix}{Name(p.ParameterType, ctx.Create(p))} {p.Name}{defaultValue}";
        }));

    private static string Literal(object? value) => value switch
    {
        null => "default",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };

    private static string TypeName(Type type) =>
        type.IsNested ? $"{TypeName(type.DeclaringType!)}.{BareName(type)}" : $"{type.Namespace}.{BareName(type)}";

    private static string BareName(Type type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : $"{name[..tick]}<{string.Join(", ", type.GetGenericArguments().Select(a => a.Name))}>";
    }

    private static string Name(Type type, NullabilityInfo? n)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!, n?.ElementType ?? n);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying, null) + "?";
        }

        string mark = !type.IsValueType && n?.ReadState == NullabilityState.Nullable ? "?" : string.Empty;
        if (type.IsArray)
        {
            return Name(type.GetElementType()!, n?.ElementType) + "[]" + mark;
        }

        if (type.IsGenericParameter)
        {
            return type.Name + mark;
        }

        if (Keywords.TryGetValue(type, out string? keyword))
        {
            return keyword + mark;
        }

        string name = type.IsNested ? $"{Name(type.DeclaringType!, null)}.{type.Name}" : type.Namespace is "System" or null ? type.Name : $"{type.Namespace}.{type.Name}";
        if (type.IsGenericType)
        {
            int tick = name.IndexOf('`', StringComparison.Ordinal);
            Type[] args = type.GetGenericArguments();
            var parts = new string[args.Length];
            for (int i = 0; i < args.Length; i++)
            {
                parts[i] = Name(args[i], n is not null && i < n.GenericTypeArguments.Length ? n.GenericTypeArguments[i] : null);
            }

            name = $"{(tick < 0 ? name : name[..tick])}<{string.Join(", ", parts)}>";
        }

        return name + mark;
    }
}
