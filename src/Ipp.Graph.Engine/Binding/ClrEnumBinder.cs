using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Binding;

/// <summary>Maps the values of a GraphQL enum to the members of a .NET enum: <c>DEEP_RED</c> to <c>DeepRed</c>, or same name.</summary>
internal static class ClrEnumBinder
{
    /// <summary>Binds every value, or none (reporting each value that matches no member).</summary>
    public static bool TryBind(EnumType type, System.Type clrEnum, List<GraphQLError> problems)
    {
        var names = Enum.GetNames(clrEnum);
        var members = Enum.GetValues(clrEnum);
        var matched = new object[type.Values.Count];
        var ok = true;
        for (var i = 0; i < type.Values.Count; i++)
        {
            var value = type.Values[i];
            var index = Array.IndexOf(names, value.Name);
            if (index < 0)
            {
                index = Array.FindIndex(names, name => ClrNames.ToScreamingSnakeCase(name) == value.Name);
            }

            if (index < 0)
            {
                problems.Add(new GraphQLError(
                    $"Enum value \"{type.Name}.{value.Name}\" matches no member of the .NET enum {clrEnum.Name}: "
                    + $"name a member \"{value.Name}\" or its PascalCase form.",
                    [value.AstNode]));
                ok = false;
                continue;
            }

            matched[i] = members.GetValue(index)!;
        }

        if (!ok)
        {
            return false;
        }

        for (var i = 0; i < matched.Length; i++)
        {
            type.Values[i].Value = matched[i];
        }

        type.ClrType = clrEnum;
        type.SetValues([.. type.Values]);
        return true;
    }
}
