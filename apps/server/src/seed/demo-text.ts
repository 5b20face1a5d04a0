/** A body that passes the default submission checks, for pieces the demo writes directly. */
export const GOOD_BODY_FOR_SEED = (title: string): string =>
  `<p>${title}。近日，这项工作在群众中引起热烈反响。有关单位高度重视，提前谋划、精心组织，明确责任分工，推动各项措施落到实处。</p><p>下一步，将持续总结经验做法，推动工作常态化、长效化，不断提升群众的获得感、幸福感和安全感。</p>`;
