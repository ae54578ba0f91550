package io.rppg.archfixture.adapter.web.v1;

import io.rppg.archfixture.adapter.web.graphql.LeakyResolver;

/** Breaks "no surface reaches into the GraphQL API": it borrows a resolver. */
public class GraphQlBorrowingController {

    LeakyResolver resolver;
}
