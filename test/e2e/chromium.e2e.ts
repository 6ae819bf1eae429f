import { ChromiumSession } from "./harness/chromium";
import { describeExtensionIn } from "./harness/suite";

describeExtensionIn("Chromium", (options) => ChromiumSession.launch(options));
