using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// <c>Upload</c>: a file sent with a GraphQL multipart request. Input only: variables carry an
/// <see cref="IUploadedFile"/> the transport supplies (the internal value is that file); it cannot be written as a
/// literal, and fields cannot return it.
/// </summary>
public sealed class UploadScalar : ScalarType
{
    public UploadScalar(string name = "Upload")
        : base(name, "A file sent with a GraphQL multipart request, in the variables of the operation. Input only.")
    {
    }

    public override object Serialize(object value) =>
        throw new GraphQLError($"{Name} is an input-only scalar: a field cannot return it.");

    public override object ParseValue(object value) => value is IUploadedFile
        ? value
        : throw new GraphQLError(
            $"{Name} cannot represent a non-file value: {Inspect.Format(value)}. Send files as variables of a multipart request.");

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        throw new GraphQLError(
            $"{Name} cannot be written as a literal. Send files as variables of a multipart request.",
            [literal]);
}
