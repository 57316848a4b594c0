using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types;

/// <summary>
/// Checks a schema against the type-system rules of the spec (graphql-js's validateSchema), with graphql-js's
/// messages and locations: root types, directive definitions, names, fields and arguments, interface implementations,
/// union members, enum values and input objects (including @oneOf and non-null cycles).
/// </summary>
public static partial class SchemaValidator
{
    /// <summary>The message of the error a schema without a query root type gets.</summary>
    internal const string MissingQueryRootMessage = "Query root type must be provided.";

    private static readonly ConditionalWeakTable<Schema, IReadOnlyList<GraphQLError>> Results = new();

    /// <summary>The rule violations of the schema, empty when it is valid. The result is computed once per schema.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema) =>
        Results.GetValue(schema, static s => new Checker(s).Run());

    /// <summary>Throws an <see cref="InvalidOperationException"/> listing the violations when the schema is not valid.</summary>
    public static void AssertValid(Schema schema)
    {
        var errors = Validate(schema);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n\n", errors.Select(e => e.Message)));
        }
    }

    private sealed partial class Checker(Schema schema)
    {
        private readonly List<GraphQLError> _errors = [];

        public IReadOnlyList<GraphQLError> Run()
        {
            ValidateRootTypes();
            ValidateDirectives();
            ValidateTypes();
            return _errors;
        }

        private void Report(string message, params Node?[] nodes) => _errors.Add(new GraphQLError(message, nodes));

        private void Report(string message, IEnumerable<Node?> nodes) => _errors.Add(new GraphQLError(message, nodes));

        private void ValidateRootTypes()
        {
            if (schema.Query is null)
            {
                Report(MissingQueryRootMessage, schema.AstNode);
            }
        }

        private void ValidateDirectives()
        {
            foreach (var directive in schema.Directives)
            {
                ValidateName(directive.Name, directive.AstNode);
                if (directive.Locations.Count == 0)
                {
                    Report($"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
                }

                foreach (var argument in directive.Arguments)
                {
                    ValidateName(argument.Name, argument.AstNode);
                    if (!argument.Type.IsInputType)
                    {
                        Report(
                            $"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.",
                            argument.AstNode);
                    }

                    if (argument.IsRequired && argument.DeprecationReason is not null)
                    {
                        Report(
                            $"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.",
                            DeprecatedDirectiveNode(argument.AstNode?.Directives),
                            argument.AstNode?.Type);
                    }
                }
            }
        }

        private void ValidateName(string name, Node? node)
        {
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                Report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
            }
        }

        private void ValidateTypes()
        {
            var cycles = new InputObjectCycleDetector(this);
            foreach (var type in schema.TypeMap.Values)
            {
                if (!Introspection.IntrospectionTypes.IsIntrospectionType(type))
                {
                    ValidateName(type.Name, type.AstNode);
                }

                switch (type)
                {
                    case ComplexType complex:
                        ValidateFields(complex);
                        ValidateInterfaces(complex);
                        break;
                    case UnionType union:
                        ValidateUnionMembers(union);
                        break;
                    case EnumType enumType:
                        ValidateEnumValues(enumType);
                        break;
                    case InputObjectType input:
                        ValidateInputFields(input);
                        cycles.Check(input);
                        break;
                }
            }
        }

        private static Node?[] WithExtensions(NamedType type)
        {
            var nodes = new Node?[type.ExtensionAstNodes.Count + 1];
            nodes[0] = type.AstNode;
            for (var i = 0; i < type.ExtensionAstNodes.Count; i++)
            {
                nodes[i + 1] = type.ExtensionAstNodes[i];
            }

            return nodes;
        }

        private static DirectiveNode? DeprecatedDirectiveNode(IReadOnlyList<DirectiveNode>? directives)
        {
            if (directives is null)
            {
                return null;
            }

            foreach (var directive in directives)
            {
                if (directive.Name.Value == Directives.Deprecated.Name)
                {
                    return directive;
                }
            }

            return null;
        }

        private void ValidateFields(ComplexType type)
        {
            if (type.Fields.Count == 0)
            {
                Report($"Type {type.Name} must define one or more fields.", WithExtensions(type));
            }

            foreach (var field in type.Fields)
            {
                ValidateName(field.Name, field.AstNode);
                if (!field.Type.IsOutputType)
                {
                    Report($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type);
                }

                foreach (var argument in field.Arguments)
                {
                    ValidateName(argument.Name, argument.AstNode);
                    if (!argument.Type.IsInputType)
                    {
                        Report(
                            $"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.",
                            argument.AstNode?.Type);
                    }

                    if (argument.IsRequired && argument.DeprecationReason is not null)
                    {
                        Report(
                            $"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.",
                            DeprecatedDirectiveNode(argument.AstNode?.Directives),
                            argument.AstNode?.Type);
                    }
                }
            }
        }

        private void ValidateUnionMembers(UnionType union)
        {
            if (union.Types.Count == 0)
            {
                Report($"Union type {union.Name} must define one or more member types.", WithExtensions(union));
            }

            var included = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in union.Types)
            {
                if (!included.Add(member.Name))
                {
                    Report($"Union type {union.Name} can only include type {member.Name} once.", ListedTypeNodes(union, member.Name));
                }
            }
        }

        /// <summary>
        /// The entries naming <paramref name="name"/> in the type lists of a type's definition and extensions: the
        /// members of a union, or the interfaces an object or interface type implements.
        /// </summary>
        private static List<Node?> ListedTypeNodes(NamedType type, string name)
        {
            var nodes = new List<Node?>();
            foreach (var node in WithExtensions(type))
            {
                var listed = node switch
                {
                    UnionTypeDefinitionNode n => n.Types,
                    UnionTypeExtensionNode n => n.Types,
                    ObjectTypeDefinitionNode n => n.Interfaces,
                    ObjectTypeExtensionNode n => n.Interfaces,
                    InterfaceTypeDefinitionNode n => n.Interfaces,
                    InterfaceTypeExtensionNode n => n.Interfaces,
                    _ => [],
                };
                foreach (var named in listed)
                {
                    if (named.Name.Value == name)
                    {
                        nodes.Add(named);
                    }
                }
            }

            return nodes;
        }

        private void ValidateEnumValues(EnumType enumType)
        {
            if (enumType.Values.Count == 0)
            {
                Report($"Enum type {enumType.Name} must define one or more values.", WithExtensions(enumType));
            }

            foreach (var value in enumType.Values)
            {
                ValidateName(value.Name, value.AstNode);

                // The grammar cannot produce these, but a type built in code can.
                if (value.Name is "true" or "false" or "null")
                {
                    Report($"Enum type {enumType.Name} cannot include value: {value.Name}.", value.AstNode);
                }
            }
        }

        private void ValidateInputFields(InputObjectType input)
        {
            if (input.Fields.Count == 0)
            {
                Report($"Input Object type {input.Name} must define one or more fields.", WithExtensions(input));
            }

            foreach (var field in input.Fields)
            {
                ValidateName(field.Name, field.AstNode);
                if (!field.Type.IsInputType)
                {
                    Report($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode?.Type);
                }

                if (field.IsRequired && field.DeprecationReason is not null)
                {
                    Report(
                        $"Required input field {input.Name}.{field.Name} cannot be deprecated.",
                        DeprecatedDirectiveNode(field.AstNode?.Directives),
                        field.AstNode?.Type);
                }

                if (input.IsOneOf)
                {
                    if (field.Type is NonNullType)
                    {
                        Report($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.AstNode?.Type);
                    }

                    if (field.HasDefaultValue)
                    {
                        Report($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode);
                    }
                }
            }
        }

        /// <summary>Finds input objects that reach themselves through non-null fields (no value could ever be written).</summary>
        private sealed class InputObjectCycleDetector(Checker checker)
        {
            private readonly HashSet<InputObjectType> _visited = [];
            private readonly List<InputFieldDefinition> _fieldPath = [];
            private readonly Dictionary<InputObjectType, int> _pathIndex = [];

            public void Check(InputObjectType input)
            {
                if (!_visited.Add(input))
                {
                    return;
                }

                _pathIndex[input] = _fieldPath.Count;
                foreach (var field in input.Fields)
                {
                    if (field.Type is not NonNullType { OfType: InputObjectType fieldType })
                    {
                        continue;
                    }

                    _fieldPath.Add(field);
                    if (!_pathIndex.TryGetValue(fieldType, out var cycleIndex))
                    {
                        Check(fieldType);
                    }
                    else
                    {
                        var cycle = _fieldPath.GetRange(cycleIndex, _fieldPath.Count - cycleIndex);
                        checker.Report(
                            $"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: "
                            + $"\"{string.Join(".", cycle.Select(f => f.Name))}\".",
                            cycle.Select(f => (Node?)f.AstNode));
                    }

                    _fieldPath.RemoveAt(_fieldPath.Count - 1);
                }

                _pathIndex.Remove(input);
            }
        }
    }
}
