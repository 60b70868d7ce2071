/** The HTTP API, shared by the handoff and roster capabilities. */
package io.leadloop.handoff.web;
