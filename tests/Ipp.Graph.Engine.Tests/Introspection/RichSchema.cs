namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>
/// A schema using every part of the type system introspection describes: every kind of type, interfaces implementing
/// interfaces, deprecations everywhere they may appear, defaults of every kind, @specifiedBy, @oneOf, repeatable custom
/// directives at every location, and descriptions in both string forms.
/// </summary>
internal static class RichSchema
{
    public const string Sdl = """"
        """
        The catalogue of a small bookshop.

          Indented lines, "quotes" and \ backslashes survive block strings.
        """
        schema {
          query: Query
          mutation: Mutation
          subscription: Subscription
        }

        """Who may see a field."""
        enum Role {
          READER
          EDITOR
          "Can do everything."
          ADMIN
        }

        "Caching hints for a type or field."
        directive @cache(
          "Seconds a response may be kept."
          maxAge: Int = 60
          scope: CacheScope = PUBLIC
        ) repeatable on OBJECT | FIELD_DEFINITION | INTERFACE

        directive @tag(name: String!) repeatable on SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION

        directive @auth(requires: [Role!]! = [READER], legacy: Boolean @deprecated(reason: "Roles say it all.")) on QUERY | MUTATION | SUBSCRIPTION | FIELD | FRAGMENT_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | VARIABLE_DEFINITION

        enum CacheScope {
          PUBLIC
          PRIVATE
        }

        "An instant in time, as an ISO-8601 string."
        scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

        scalar Json

        """
        Anything with a global identity.
        """
        interface Node {
          "The identity, unique across types."
          id: ID!
        }

        interface Entity implements Node {
          id: ID!
          createdAt: DateTime
        }

        interface Named {
          name: String!
        }

        "Never implemented: its possible types are empty."
        interface Orphan {
          unused: Int
        }

        type Query {
          node(id: ID!): Node
          search(
            """
            Words to look for.
            """
            text: String! = ""
            filter: BookFilter
            limit: Int = 20 @deprecated(reason: "Results are paged automatically.")
          ): [SearchResult!]!
          book(key: BookKey!): Book
          books(filter: BookFilter = {tags: [], currency: EUR}): [Book]
          now: DateTime
          matrix: [[[Int!]!]]!
        }

        type Mutation {
          addBook(title: String!, price: Float = 9.99, currency: Currency! = EUR, tags: [String] = "single", published: DateTime = "2020-01-01T00:00:00Z"): Book
        }

        type Subscription {
          bookAdded(currency: Currency): Book
        }

        type Author implements Entity & Node & Named @cache(maxAge: 30) {
          id: ID!
          createdAt: DateTime
          name: String!
          books(first: Int = 10, after: String, orderBy: BookOrder = {direction: DESC}): [Book!]!
          legacyName: String @deprecated
        }

        """
        A book in the catalogue.
        """
        type Book implements Entity & Node {
          id: ID!
          createdAt: DateTime
          title: String!
          price(currency: Currency = EUR, rounded: Boolean = true @deprecated(reason: "Prices are always rounded.")): Float
          tags: [String!]
          rating: Float @deprecated(reason: "Use `reviews` instead.")
          reviews: [Review!]
        }

        type Review {
          stars: Int!
          text: String
        }

        union SearchResult = Author | Book

        enum Currency {
          "The euro."
          EUR
          USD
          GBP @deprecated(reason: "Sold in EUR only.")
          DEM @deprecated
        }

        enum SortDirection {
          ASC
          DESC
        }

        enum BookField {
          TITLE
          PRICE
        }

        input BookOrder {
          field: BookField! = TITLE
          direction: SortDirection = ASC
        }

        "Exactly one way to name a book."
        input BookKey @oneOf {
          id: ID
          isbn: String
        }

        input BookFilter {
          titleContains: String
          tags: [String!] = ["new", "sale"]
          prices: [Float] = [1.5, null, 20, 1e3]
          minRating: Int = null
          currency: Currency = USD
          order: BookOrder = {direction: DESC}
          orders: [BookOrder!] = [{field: PRICE}, {direction: DESC, field: TITLE}]
          publishedAfter: DateTime = "2020-01-01T00:00:00Z"
          legacyTag: String @deprecated(reason: "Use `tags`.")
          note: String = "line\nbreak \"quoted\" \u00e9 \u0007"
          id: ID = 42
          key: ID = "abc"
          exact: Boolean = false
        }
        """";
}
