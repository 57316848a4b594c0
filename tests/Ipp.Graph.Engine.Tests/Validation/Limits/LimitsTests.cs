using System.Text;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Utilities;
using Ipp.Graph.Engine.Validation.Limits;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Limits;

public class LimitsTests
{
    private static GraphQLError? Check(string document, int? maxDepth = null, int? maxFields = null, int? maxAliases = null) =>
        DocumentLimitChecker.Check(
            Parser.Parse(document),
            new DocumentLimits { MaxDepth = maxDepth, MaxFields = maxFields, MaxAliases = maxAliases });

    [Fact]
    public void Without_limits_nothing_is_checked()
    {
        Assert.Null(DocumentLimitChecker.Check(Parser.Parse("{ a { b { c } } d: e f: g }"), DocumentLimits.None));
    }

    [Fact]
    public void Depth_counts_the_nesting_of_fields()
    {
        const string document = """
            query Deep {
              a {
                b { c }
                d { e { f } }
              }
            }
            """;
        Assert.Null(Check(document, maxDepth: 4));
        var error = Check(document, maxDepth: 3);
        Assert.NotNull(error);
        Assert.Equal("Operation \"Deep\" exceeds the maximum depth of 3. @ 4:13", Describe(error));
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Code);
    }

    [Fact]
    public void Depth_follows_fragments_and_inline_fragments()
    {
        const string document = """
            { a { ...F } }
            fragment F on T { ... on T { b { c } } }
            """;
        Assert.Null(Check(document, maxDepth: 3));
        Assert.Equal("Anonymous operation exceeds the maximum depth of 2. @ 2:34", Describe(Check(document, maxDepth: 2)!));
    }

    [Fact]
    public void The_standard_introspection_query_fits_a_depth_of_32()
    {
        var document = Parser.Parse(IntrospectionQuery.Get());
        Assert.Null(DocumentLimitChecker.Check(document, new DocumentLimits { MaxDepth = 32 }));
        Assert.NotNull(DocumentLimitChecker.Check(document, new DocumentLimits { MaxDepth = 5 }));
    }

    [Fact]
    public void Fields_are_counted_with_fragments_expanded_and_the_first_field_past_the_limit_is_located()
    {
        const string document = """
            query Q { a ...F b: c ...F }
            fragment F on T { d { e } }
            """;

        // a, d, e, b, d, e: six fields.
        Assert.Null(Check(document, maxFields: 6));
        var error = Check(document, maxFields: 5);
        Assert.NotNull(error);
        Assert.Equal("Operation \"Q\" exceeds the maximum of 5 fields (fragments expanded). @ 2:23", Describe(error));
        Assert.Equal(ErrorCodes.MaxFieldsExceeded, error.Code);
    }

    [Fact]
    public void Aliases_are_counted_with_fragments_expanded()
    {
        const string document = """
            query Q { x: a ...F y: b }
            fragment F on T { z: c w }
            """;
        Assert.Null(Check(document, maxAliases: 3));
        var error = Check(document, maxAliases: 2);
        Assert.NotNull(error);
        Assert.Equal("Operation \"Q\" exceeds the maximum of 2 aliases (fragments expanded). @ 1:21", Describe(error));
        Assert.Equal(ErrorCodes.MaxAliasesExceeded, error.Code);
    }

    [Fact]
    public void Exponential_fragment_fan_out_is_counted_without_expanding_or_overflowing()
    {
        // Fragment i spreads fragment i+1 twice: 2^80 fields, far beyond any integer, measured in linear time.
        var document = new StringBuilder("query Q { ...F0 }\n");
        for (var i = 0; i < 80; i++)
        {
            document.Append($"fragment F{i} on T {{ ...F{i + 1} ...F{i + 1} }}\n");
        }

        document.Append("fragment F80 on T { leaf }\n");
        var error = Check(document.ToString(), maxFields: 1_000_000);
        Assert.NotNull(error);
        Assert.Equal("Operation \"Q\" exceeds the maximum of 1000000 fields (fragments expanded). @ 82:21", Describe(error));
        Assert.Equal(ErrorCodes.MaxFieldsExceeded, Check(document.ToString(), maxFields: int.MaxValue)?.Code);
    }

    [Fact]
    public void Fragments_are_checked_on_their_own_too()
    {
        const string document = """
            query Q { a }
            fragment Unused on T { a { b { c } } }
            """;
        Assert.Equal("Fragment \"Unused\" exceeds the maximum depth of 2. @ 2:32", Describe(Check(document, maxDepth: 2)!));
    }

    [Fact]
    public void Fragment_cycles_are_not_followed()
    {
        const string document = """
            query Q { ...A }
            fragment A on T { a ...B }
            fragment B on T { b ...A }
            """;
        // Each fragment is measured once; a spread back into a fragment being measured counts nothing.
        Assert.Null(Check(document, maxDepth: 1, maxFields: 3, maxAliases: 0));
        Assert.Equal("Operation \"Q\" exceeds the maximum of 1 fields (fragments expanded). @ 3:19", Describe(Check(document, maxFields: 1)!));
    }

    [Fact]
    public void Depth_is_checked_before_fields_and_fields_before_aliases()
    {
        const string document = "{ a: b { c: d { e: f } } }";
        Assert.Equal(ErrorCodes.MaxDepthExceeded, Check(document, maxDepth: 1, maxFields: 1, maxAliases: 1)!.Code);
        Assert.Equal(ErrorCodes.MaxFieldsExceeded, Check(document, maxFields: 1, maxAliases: 1)!.Code);
        Assert.Equal(ErrorCodes.MaxAliasesExceeded, Check(document, maxAliases: 1)!.Code);
    }
}
