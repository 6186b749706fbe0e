// The one way a widget shows what to fix (calculators and tools alike). A field's markup is
// the field() macro of overrides/widgets/_fields.html:
//   <div class="yqxs-field"><label for=ID>…</label><input id=ID aria-describedby="ID-hint">
//   <p class="yqxs-hint" id="ID-hint">what to type</p></div>
// An error is a <p class="yqxs-error" id="ID-error"> added at the end of that box; the input
// gets aria-invalid="true" and the error's id at the end of its aria-describedby, so a
// screen reader reads the hint and then what is wrong. Errors that belong to no visible
// field go into the form's [data-form-errors] box.

/** Show `message` beside `input` ("" or null clears it). */
export function setFieldError(input, message) {
  if (!input) return;
  if (!input.id) input.id = `f-${input.name || "field"}-${Math.random().toString(36).slice(2, 8)}`;
  const id = `${input.id}-error`;
  const described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  let box = document.getElementById(id);
  if (!message) {
    input.removeAttribute("aria-invalid");
    box?.remove();
    const rest = described.filter((x) => x !== id);
    if (rest.length) input.setAttribute("aria-describedby", rest.join(" "));
    else input.removeAttribute("aria-describedby");
    return;
  }
  if (!box) {
    box = document.createElement("p");
    box.className = "yqxs-error";
    box.id = id;
    const field = input.closest(".yqxs-field");
    if (field) field.append(box);
    else input.insertAdjacentElement("afterend", box);
  }
  box.textContent = message; // calc's or the template's text, in the page's script
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", [...described.filter((x) => x !== id), id].join(" "));
}

/** The control an error names: {field, index?}. `index` counts the enabled controls of that
 *  name (repeatable rows); without it, the first one a reader can see. */
function controlFor(form, error) {
  if (!error.field) return null;
  const all = [...form.elements].filter((el) => el.name === error.field && el.matches("input, select, textarea") && !el.disabled && !el.closest("fieldset[disabled]"));
  if (Number.isInteger(error.index)) return all[error.index] || null;
  return all.find((el) => el.type !== "hidden") || null;
}

/** Remove every error shown in `form`. */
export function clearErrors(form) {
  for (const input of form.querySelectorAll("[aria-invalid=true]")) setFieldError(input, "");
  for (const left of form.querySelectorAll(".yqxs-error")) left.remove();
  const general = form.querySelector("[data-form-errors]");
  if (general) {
    general.replaceChildren();
    general.hidden = true;
  }
  form.removeAttribute("data-state");
}

/** Show errors [{field, index?, message}] beside their fields (the rest in the form's
 *  [data-form-errors] box); returns the first field with an error, for focus. */
export function showErrors(form, errors) {
  clearErrors(form);
  const general = form.querySelector("[data-form-errors]");
  let first = null;
  (errors || []).forEach((error, n) => {
    const input = controlFor(form, error);
    if (input) {
      setFieldError(input, error.message);
      first ||= input;
    } else if (general) {
      const msg = document.createElement("p");
      msg.className = "yqxs-error";
      msg.id = `${form.id || "f"}-error-${n}`;
      msg.textContent = error.message;
      general.append(msg);
      general.hidden = false;
    }
  });
  if (errors && errors.length) form.dataset.state = "error";
  return first;
}
