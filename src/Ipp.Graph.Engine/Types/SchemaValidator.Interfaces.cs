using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Types;

/// <summary>The rules for types implementing interfaces.</summary>
public static partial class SchemaValidator
{
    private sealed partial class Checker
    {
        private void ValidateInterfaces(ComplexType type)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var @interface in type.Interfaces)
            {
                if (ReferenceEquals(type, @interface))
                {
                    Report(
                        $"Type {type.Name} cannot implement itself because it would create a circular reference.",
                        ListedTypeNodes(type, @interface.Name));
                    continue;
                }

                if (!seen.Add(@interface.Name))
                {
                    Report($"Type {type.Name} can only implement {@interface.Name} once.", ListedTypeNodes(type, @interface.Name));
                    continue;
                }

                ValidateImplementsAncestors(type, @interface);
                ValidateImplementsInterface(type, @interface);
            }
        }

        private void ValidateImplementsInterface(ComplexType type, InterfaceType @interface)
        {
            foreach (var interfaceField in @interface.Fields)
            {
                var name = interfaceField.Name;
                if (type.GetField(name) is not { } typeField)
                {
                    var nodes = new List<Node?> { interfaceField.AstNode };
                    nodes.AddRange(WithExtensions(type));
                    Report($"Interface field {@interface.Name}.{name} expected but {type.Name} does not provide it.", nodes);
                    continue;
                }

                if (!TypeComparators.IsTypeSubTypeOf(schema, typeField.Type, interfaceField.Type))
                {
                    Report(
                        $"Interface field {@interface.Name}.{name} expects type {interfaceField.Type} but {type.Name}.{name} is type {typeField.Type}.",
                        interfaceField.AstNode?.Type,
                        typeField.AstNode?.Type);
                }

                foreach (var interfaceArgument in interfaceField.Arguments)
                {
                    var argumentName = interfaceArgument.Name;
                    if (typeField.GetArgument(argumentName) is not { } typeArgument)
                    {
                        Report(
                            $"Interface field argument {@interface.Name}.{name}({argumentName}:) expected but {type.Name}.{name} does not provide it.",
                            interfaceArgument.AstNode,
                            typeField.AstNode);
                        continue;
                    }

                    if (!TypeComparators.IsEqualType(interfaceArgument.Type, typeArgument.Type))
                    {
                        Report(
                            $"Interface field argument {@interface.Name}.{name}({argumentName}:) expects type {interfaceArgument.Type} "
                            + $"but {type.Name}.{name}({argumentName}:) is type {typeArgument.Type}.",
                            interfaceArgument.AstNode?.Type,
                            typeArgument.AstNode?.Type);
                    }
                }

                foreach (var typeArgument in typeField.Arguments)
                {
                    if (interfaceField.GetArgument(typeArgument.Name) is null && typeArgument.IsRequired)
                    {
                        Report(
                            $"Object field {type.Name}.{name} includes required argument {typeArgument.Name} that is missing from the "
                            + $"Interface field {@interface.Name}.{name}.",
                            typeArgument.AstNode,
                            interfaceField.AstNode);
                    }
                }
            }
        }

        private void ValidateImplementsAncestors(ComplexType type, InterfaceType @interface)
        {
            foreach (var transitive in @interface.Interfaces)
            {
                if (Contains(type.Interfaces, transitive))
                {
                    continue;
                }

                var nodes = ListedTypeNodes(@interface, transitive.Name);
                nodes.AddRange(ListedTypeNodes(type, @interface.Name));
                Report(
                    ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {@interface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {@interface.Name}.",
                    nodes);
            }
        }

        private static bool Contains(IReadOnlyList<InterfaceType> interfaces, InterfaceType wanted)
        {
            foreach (var @interface in interfaces)
            {
                if (ReferenceEquals(@interface, wanted))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
