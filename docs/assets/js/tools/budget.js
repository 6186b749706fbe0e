// budget (还款能力): the widget runtime computes and renders it all; this module only adds
// "put this into my plan" (tools/to-plan.js): the income and expense rows and the safety
// buffer go to the plan page, through this tab's sessionStorage.

import { onWidget } from "../lib/mount.js";
import { offerToPlan } from "./to-plan.js";

onWidget("budget", (root) => {
  const form = root.matches('form[data-calc="budget"]') ? root : root.querySelector('form[data-calc="budget"]');
  if (form) offerToPlan(root, form);
});
