using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class SingleFieldSubscriptionsRuleTests
{
    [Fact]
    public void One_field_repeated_under_one_response_name_or_through_fragments_is_valid()
    {
        const string document = """
            subscription A { catSighted { name } catSighted { nickname } }
            subscription B { ...F }
            subscription C { dogBarked { name } catSighted @skip(if: true) { name } }
            fragment F on SubscriptionRoot { dogBarked { name } }
            """;
        Assert.Empty(Errors(Schema, document, c => new SingleFieldSubscriptionsRule(c)));
    }

    [Fact]
    public void Extra_and_introspection_top_level_fields_are_reported_with_fragments_and_conditions_applied()
    {
        const string document = """
            subscription ImportantEmails { catSighted { name } dogBarked { name } __typename }
            subscription { ...F x: catSighted { name } }
            subscription Skipped { catSighted @skip(if: true) { name } dogBarked { name } ... on SubscriptionRoot @include(if: false) { x: catSighted { name } } }
            subscription Intro { __typename }
            fragment F on SubscriptionRoot { catSighted { name } dogBarked { name } }
            """;
        Assert.Equal(
            [
                "Subscription \"ImportantEmails\" must select only one top level field. @ 1:52, 1:71",
                "Subscription \"ImportantEmails\" must not select an introspection top level field. @ 1:71",
                "Anonymous Subscription must select only one top level field. @ 5:54, 2:21",
                "Subscription \"Intro\" must not select an introspection top level field. @ 4:22",
            ],
            Errors(Schema, document, c => new SingleFieldSubscriptionsRule(c)));
    }

    [Fact]
    public void Conditions_on_variables_keep_the_selection_where_graphql_js_throws()
    {
        // graphql-js 16.15 throws out of validate() here ("Argument "if" ... was not provided a runtime value").
        const string document = "subscription S($v: Boolean!) { catSighted { name } dogBarked @skip(if: $v) { name } }";
        Assert.Equal(
            ["Subscription \"S\" must select only one top level field. @ 1:52"],
            Errors(Schema, document, c => new SingleFieldSubscriptionsRule(c)));
    }
}
