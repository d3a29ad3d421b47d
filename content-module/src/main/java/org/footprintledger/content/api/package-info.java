/**
 * The content module's public surface: equivalences, eco-tips and customer feedback (issue 5). Other modules may use
 * this package and nothing else of the content module.
 */
package org.footprintledger.content.api;
