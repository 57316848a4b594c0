using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>Equality, subtyping and overlap of types, as validation and the type-system rules need them.</summary>
public static class TypeComparators
{
    /// <summary>Same named type under the same wrappers.</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        _ when ReferenceEquals(a, b) => true,
        (NonNullType x, NonNullType y) => IsEqualType(x.OfType, y.OfType),
        (ListType x, ListType y) => IsEqualType(x.OfType, y.OfType),
        _ => false,
    };

    /// <summary>
    /// True when every value of <paramref name="maybeSubType"/> is a value of <paramref name="superType"/>:
    /// equal types, a non-null of a subtype, lists of subtypes, or a possible type of an abstract super type.
    /// </summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (ReferenceEquals(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return superType is IAbstractType abstractType
            && maybeSubType is InterfaceType or ObjectType
            && schema.IsSubType(abstractType, (NamedType)maybeSubType);
    }

    /// <summary>True when some object type is possible for both composite types (a fragment of one may apply to the other).</summary>
    public static bool DoTypesOverlap(Schema schema, NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is IAbstractType abstractA)
        {
            if (b is IAbstractType abstractB)
            {
                foreach (var type in schema.GetPossibleTypes(abstractB))
                {
                    if (schema.IsSubType(abstractA, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            return schema.IsSubType(abstractA, b);
        }

        return b is IAbstractType abstractOther && schema.IsSubType(abstractOther, a);
    }
}
