// budget (还款能力): the widget runtime computes and renders it all; this module only adds
// "put this into my plan" (tools/to-plan.js): the income and expense rows and the safety
// buffer go to the plan page, through this tab's sessionStorage; and the plan's "在“还款能力”
// 里细算" (tools/from-plan.js): the plan's income and expense rows and buffer come here.

import { onWidget } from "../lib/mount.js";
import { receiveFromPlan } from "./from-plan.js";
import { offerToPlan } from "./to-plan.js";

onWidget("budget", (root) => {
  const form = root.matches('form[data-calc="budget"]') ? root : root.querySelector('form[data-calc="budget"]');
  if (!form) return;
  offerToPlan(root, form);
  receiveFromPlan(root, form);
});
