using System.Linq.Expressions;
using System.Reflection;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Binding;

/// <summary>
/// Makes resolvers from a .NET type's public members for the fields of an object type: a property or method whose
/// camelCase name is the field's name. Methods may take a <see cref="ResolveContext"/> and a
/// <see cref="CancellationToken"/> (in any order), and may return a value, a Task or a ValueTask of one. Each resolver
/// is compiled once, here; calling it uses no reflection.
/// </summary>
internal static class ClrTypeBinder
{
    private static readonly MethodInfo FromTaskMethod = typeof(ResolverResults).GetMethod(nameof(ResolverResults.FromTask), 1, [typeof(Task<>).MakeGenericType(Type.MakeGenericMethodParameter(0))])!;
    private static readonly MethodInfo FromValueTaskMethod = typeof(ResolverResults).GetMethod(nameof(ResolverResults.FromValueTask), 1, [typeof(ValueTask<>).MakeGenericType(Type.MakeGenericMethodParameter(0))])!;
    private static readonly MethodInfo FromPlainTaskMethod = typeof(ResolverResults).GetMethod(nameof(ResolverResults.FromTask), 0, [typeof(Task)])!;
    private static readonly MethodInfo FromPlainValueTaskMethod = typeof(ResolverResults).GetMethod(nameof(ResolverResults.FromValueTask), 0, [typeof(ValueTask)])!;
    private static readonly ConstructorInfo ValueTaskOfObject = typeof(ValueTask<object?>).GetConstructor([typeof(object)])!;
    private static readonly PropertyInfo ParentProperty = typeof(ResolveContext).GetProperty(nameof(ResolveContext.Parent))!;
    private static readonly PropertyInfo CancellationProperty = typeof(ResolveContext).GetProperty(nameof(ResolveContext.CancellationToken))!;

    /// <summary>Sets a resolver on each field of <paramref name="type"/> that a member of <paramref name="clrType"/> matches and that has none.</summary>
    public static void Bind(ObjectType type, Type clrType, List<GraphQLError> problems)
    {
        var members = clrType.GetMembers(BindingFlags.Public | BindingFlags.Instance);
        foreach (var field in type.Fields)
        {
            if (field.Resolver is not null)
            {
                continue;
            }

            var property = FindProperty(members, field.Name);
            if (property is not null)
            {
                var resolver = Compile(clrType, property, property.PropertyType);
                if (IsPlainValue(property.PropertyType))
                {
                    field.BindProperty(resolver, CompileGetter(clrType, property));
                }
                else
                {
                    field.Resolver = resolver;
                }

                continue;
            }

            var methods = FindMethods(members, field.Name);
            if (methods.Count == 0)
            {
                continue;
            }

            var method = methods.Find(HasSupportedParameters);
            if (method is null)
            {
                problems.Add(new GraphQLError(
                    $"Method {clrType.Name}.{methods[0].Name} cannot resolve field \"{type.Name}.{field.Name}\": "
                    + "its parameters may only be a ResolveContext and a CancellationToken.",
                    [field.AstNode]));
                continue;
            }

            field.Resolver = Compile(clrType, method, method.ReturnType);
        }
    }

    private static bool Matches(string memberName, string fieldName) =>
        memberName == fieldName || ClrNames.ToCamelCase(memberName) == fieldName;

    private static PropertyInfo? FindProperty(MemberInfo[] members, string fieldName)
    {
        foreach (var member in members)
        {
            if (member is PropertyInfo { CanRead: true } property
                && property.GetMethod is { IsPublic: true }
                && property.GetIndexParameters().Length == 0
                && Matches(property.Name, fieldName))
            {
                return property;
            }
        }

        return null;
    }

    private static List<MethodInfo> FindMethods(MemberInfo[] members, string fieldName)
    {
        var found = new List<MethodInfo>();
        foreach (var member in members)
        {
            if (member is MethodInfo { IsSpecialName: false, IsGenericMethodDefinition: false } method
                && method.DeclaringType != typeof(object)
                && Matches(method.Name, fieldName))
            {
                found.Add(method);
            }
        }

        // The overload taking the most of what a resolver can give comes first.
        found.Sort((a, b) => b.GetParameters().Length - a.GetParameters().Length);
        return found;
    }

    private static bool HasSupportedParameters(MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType != typeof(ResolveContext) && parameter.ParameterType != typeof(CancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compiles <c>context =&gt; Wrap(((T)context.Parent).Member(...))</c>.</summary>
    private static FieldResolver Compile(Type clrType, MemberInfo member, Type returnType)
    {
        var context = Expression.Parameter(typeof(ResolveContext), "context");
        var parent = Expression.Convert(Expression.Property(context, ParentProperty), clrType);
        Expression call;
        if (member is PropertyInfo property)
        {
            call = Expression.Property(parent, property);
        }
        else
        {
            var method = (MethodInfo)member;
            var arguments = new List<Expression>();
            foreach (var parameter in method.GetParameters())
            {
                arguments.Add(parameter.ParameterType == typeof(ResolveContext)
                    ? context
                    : Expression.Property(context, CancellationProperty));
            }

            call = Expression.Call(parent, method, arguments);
        }

        var body = WrapResult(call, returnType);
        return Expression.Lambda<FieldResolver>(body, context).Compile();
    }

    /// <summary>
    /// Compiles <c>parent =&gt; { try { return (object)((T)parent).Property; } catch (Exception e) { return e; } }</c>:
    /// what the resolver reads, without its wrapping; what it throws is returned, and a returned exception is the
    /// field's error as a thrown one is (so the engine needs no exception handling of its own around the call).
    /// </summary>
    private static Func<object?, object?> CompileGetter(Type clrType, PropertyInfo property)
    {
        var parent = Expression.Parameter(typeof(object), "parent");
        var failure = Expression.Parameter(typeof(Exception), "failure");
        var read = Expression.Convert(Expression.Property(Expression.Convert(parent, clrType), property), typeof(object));
        var body = Expression.TryCatch(read, Expression.Catch(failure, Expression.Convert(failure, typeof(object))));
        return Expression.Lambda<Func<object?, object?>>(body, parent).Compile();
    }

    /// <summary>True when a member of this type gives its value as it is (no task to wait for): <see cref="WrapResult"/> only boxes it.</summary>
    private static bool IsPlainValue(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(ValueTask) || typeof(Task).IsAssignableFrom(returnType))
        {
            return false;
        }

        return !(returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>));
    }

    private static Expression WrapResult(Expression call, Type returnType)
    {
        if (returnType == typeof(void))
        {
            return Expression.Block(call, Expression.Default(typeof(ValueTask<object?>)));
        }

        if (returnType == typeof(ValueTask<object?>))
        {
            return call;
        }

        if (returnType == typeof(Task))
        {
            return Expression.Call(FromPlainTaskMethod, call);
        }

        if (returnType == typeof(ValueTask))
        {
            return Expression.Call(FromPlainValueTaskMethod, call);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return Expression.Call(FromTaskMethod.MakeGenericMethod(returnType.GetGenericArguments()[0]), call);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return Expression.Call(FromValueTaskMethod.MakeGenericMethod(returnType.GetGenericArguments()[0]), call);
        }

        // Task<T> subclasses and the like still run through FromTask<T>.
        for (var type = returnType.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
            {
                return Expression.Call(FromTaskMethod.MakeGenericMethod(type.GetGenericArguments()[0]), call);
            }
        }

        return Expression.New(ValueTaskOfObject, Expression.Convert(call, typeof(object)));
    }
}
