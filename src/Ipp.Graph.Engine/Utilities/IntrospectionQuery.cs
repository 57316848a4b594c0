using System.Text;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>
/// The query a client sends to learn a whole schema: the same document graphql-js's getIntrospectionQuery asks,
/// for the same options. Its result is what tools such as graphql-js's buildClientSchema read.
/// </summary>
public static class IntrospectionQuery
{
    /// <summary>The largest <see cref="IntrospectionOptions.TypeDepth"/> accepted, as in graphql-js.</summary>
    public const int MaxTypeDepth = 100;

    /// <summary>The query text, named <c>IntrospectionQuery</c>, with fragments <c>FullType</c>, <c>InputValue</c> and <c>TypeRef</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The type depth is above <see cref="MaxTypeDepth"/>.</exception>
    public static string Get(IntrospectionOptions? options = null)
    {
        options ??= new IntrospectionOptions();
        if (options.TypeDepth > MaxTypeDepth)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.TypeDepth,
                $"The type depth must be between 0 and {MaxTypeDepth}; the default is 9.");
        }

        var query = new QueryWriter();
        WriteOperation(query, options);
        query.Blank();
        WriteFullType(query, options);
        query.Blank();
        WriteInputValue(query, options);
        query.Blank();
        WriteTypeRef(query, options.TypeDepth);
        return query.ToString();
    }

    private static void WriteOperation(QueryWriter query, IntrospectionOptions options)
    {
        query.Open("query IntrospectionQuery");
        query.Open("__schema");
        query.LineIf(options.SchemaDescription && options.Descriptions, "description");
        query.Line("queryType { name kind }");
        query.Line("mutationType { name kind }");
        query.Line("subscriptionType { name kind }");
        query.Open("types");
        query.Line("...FullType");
        query.Close();
        query.Open(options.ExperimentalDirectiveDeprecation ? "directives(includeDeprecated: true)" : "directives");
        query.Line("name");
        query.LineIf(options.Descriptions, "description");
        query.LineIf(options.DirectiveIsRepeatable, "isRepeatable");
        query.LineIf(options.ExperimentalDirectiveDeprecation, "isDeprecated");
        query.LineIf(options.ExperimentalDirectiveDeprecation, "deprecationReason");
        query.Line("locations");
        WriteArgs(query, options);
        query.Close();
        query.Close();
        query.Close();
    }

    private static void WriteFullType(QueryWriter query, IntrospectionOptions options)
    {
        query.Open("fragment FullType on __Type");
        query.Line("kind");
        query.Line("name");
        query.LineIf(options.Descriptions, "description");
        query.LineIf(options.SpecifiedByUrl, "specifiedByURL");
        query.LineIf(options.OneOf, "isOneOf");
        query.Open("fields(includeDeprecated: true)");
        query.Line("name");
        query.LineIf(options.Descriptions, "description");
        WriteArgs(query, options);
        query.Open("type");
        query.Line("...TypeRef");
        query.Close();
        query.Line("isDeprecated");
        query.Line("deprecationReason");
        query.Close();
        query.Open(options.InputValueDeprecation ? "inputFields(includeDeprecated: true)" : "inputFields");
        query.Line("...InputValue");
        query.Close();
        query.Open("interfaces");
        query.Line("...TypeRef");
        query.Close();
        query.Open("enumValues(includeDeprecated: true)");
        query.Line("name");
        query.LineIf(options.Descriptions, "description");
        query.Line("isDeprecated");
        query.Line("deprecationReason");
        query.Close();
        query.Open("possibleTypes");
        query.Line("...TypeRef");
        query.Close();
        query.Close();
    }

    private static void WriteInputValue(QueryWriter query, IntrospectionOptions options)
    {
        query.Open("fragment InputValue on __InputValue");
        query.Line("name");
        query.LineIf(options.Descriptions, "description");
        query.Line("type { ...TypeRef }");
        query.Line("defaultValue");
        query.LineIf(options.InputValueDeprecation, "isDeprecated");
        query.LineIf(options.InputValueDeprecation, "deprecationReason");
        query.Close();
    }

    private static void WriteArgs(QueryWriter query, IntrospectionOptions options)
    {
        query.Open(options.InputValueDeprecation ? "args(includeDeprecated: true)" : "args");
        query.Line("...InputValue");
        query.Close();
    }

    // The outermost level selects kind before name; every ofType level below selects name before kind.
    private static void WriteTypeRef(QueryWriter query, int depth)
    {
        query.Open("fragment TypeRef on __Type");
        query.Line("kind");
        query.Line("name");
        for (var level = 0; level < depth; level++)
        {
            query.Open("ofType");
            query.Line("name");
            query.Line("kind");
        }

        for (var level = 0; level < depth; level++)
        {
            query.Close();
        }

        query.Close();
    }

    /// <summary>Writes the query one selection per line, indented by two spaces per level.</summary>
    private sealed class QueryWriter
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        public void Line(string line) => _text.Append(' ', _depth * 2).Append(line).Append('\n');

        public void LineIf(bool condition, string line)
        {
            if (condition)
            {
                Line(line);
            }
        }

        public void Open(string line)
        {
            Line(line + " {");
            _depth++;
        }

        public void Close()
        {
            _depth--;
            Line("}");
        }

        public void Blank() => _text.Append('\n');

        public override string ToString() => _text.ToString();
    }
}
